package io.millwright.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.inventory.service.ReconciliationComparison.Amount;
import io.millwright.inventory.service.ReconciliationComparison.Position;
import io.millwright.model.inventory.StockStatus;

class ReconciliationComparisonTest {

    private static final Position LOT_1 = new Position("RM-300", "L-1", "1000", "RM01", StockStatus.UNRESTRICTED);
    private static final Position LOT_2 = new Position("RM-300", "L-2", "1000", "RM01", StockStatus.UNRESTRICTED);
    private static final Position HELD = new Position("FG-100", "L-9", "1000", "FG01", StockStatus.QUALITY_HOLD);
    private static final Position NO_LOT = new Position("RM-310", null, "1000", "RM01", StockStatus.UNRESTRICTED);

    @Test
    void equalQuantitiesWhateverTheScaleAreNoVariance() {
        ReconciliationComparison.Result result = ReconciliationComparison.compare(
                Map.of(LOT_1, kg("40.000000"), NO_LOT, ea("3")), Map.of(LOT_1, kg("40"), NO_LOT, ea("3.0")), p -> false);
        assertThat(result.variances()).isEmpty();
        assertThat(result.compared()).isEqualTo(2);
    }

    @Test
    void differenceIsErpMinusMillwrightAndAMissingSideCountsAsZero() {
        ReconciliationComparison.Result result = ReconciliationComparison.compare(
                Map.of(LOT_1, kg("40"), HELD, ea("12")), Map.of(LOT_1, kg("35"), LOT_2, kg("8")), p -> false);
        assertThat(result.variances()).extracting(v -> v.position().itemId() + "/" + v.position().lotId() + " "
                + v.millwright().toPlainString() + "→" + v.erp().toPlainString() + " = " + v.variance().toPlainString() + " " + v.uom())
                .containsExactly("FG-100/L-9 12→0 = -12 EA", "RM-300/L-1 40→35 = -5 KG", "RM-300/L-2 0→8 = 8 KG");
    }

    @Test
    void positionsInFlightAreSkippedNotReported() {
        ReconciliationComparison.Result result = ReconciliationComparison.compare(
                Map.of(LOT_1, kg("40"), LOT_2, kg("10")), Map.of(LOT_2, kg("10")), p -> p.equals(LOT_1));
        assertThat(result.variances()).isEmpty();
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.compared()).isEqualTo(1);
    }

    private static Amount kg(String value) {
        return new Amount(new BigDecimal(value), "KG");
    }

    private static Amount ea(String value) {
        return new Amount(new BigDecimal(value), "EA");
    }
}
