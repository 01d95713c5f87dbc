package io.millwright.model.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityAndMoneyTest {

    @Test
    void quantityRequiresValueAndUnit() {
        assertThatThrownBy(() -> new Quantity(null, "KG"))
                .isInstanceOf(NullPointerException.class).hasMessage("value is required");
        assertThatThrownBy(() -> new Quantity(BigDecimal.ONE, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unitOfMeasure must not be blank");
        assertThatThrownBy(() -> new Quantity(BigDecimal.ONE, null))
                .isInstanceOf(NullPointerException.class).hasMessage("unitOfMeasure is required");
    }

    @Test
    void equalityIgnoresTrailingZerosButNotUnits() {
        assertThat(Quantity.of("10", "KG")).isEqualTo(Quantity.of("10.000", "KG"))
                .hasSameHashCodeAs(Quantity.of("10.000", "KG"));
        assertThat(Quantity.of("10", "KG")).isNotEqualTo(Quantity.of("10", "LB"));
        assertThat(Quantity.of("0.00", "EA")).isEqualTo(Quantity.of("0", "EA")).hasSameHashCodeAs(Quantity.of("0", "EA"));
        assertThat(Money.of("10.50", "EUR")).isEqualTo(Money.of("10.5", "EUR")).hasSameHashCodeAs(Money.of("10.5", "EUR"));
        assertThat(Money.of("10.50", "EUR")).isNotEqualTo(Money.of("10.50", "USD"));
    }

    @Test
    void arithmeticRefusesToMixUnitsOrCurrencies() {
        assertThat(Quantity.of("1.5", "KG").plus(Quantity.of("2", "KG"))).isEqualTo(Quantity.of("3.5", "KG"));
        assertThat(Quantity.of("1.5", "KG").minus(Quantity.of("2", "KG"))).isEqualTo(Quantity.of("-0.5", "KG"));
        assertThatThrownBy(() -> Quantity.of("1", "KG").plus(Quantity.of("1", "EA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KG").hasMessageContaining("EA");
        assertThat(Money.of("2.35", "EUR").times(new BigDecimal("500"))).isEqualTo(Money.of("1175", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
    }

    @Test
    void moneyNeedsAnIsoCurrencyCode() {
        assertThatThrownBy(() -> Money.of("1", "euro"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> new Money(null, "EUR"))
                .isInstanceOf(NullPointerException.class).hasMessage("amount is required");
    }

    @Test
    void toStringIsPlainAndReadable() {
        assertThat(new Quantity(new BigDecimal("1E+3"), "EA")).hasToString("1000 EA");
        assertThat(Money.of("12.30", "EUR")).hasToString("12.30 EUR");
    }
}
