package io.millwright.model.common;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount in an ISO 4217 currency. Equality ignores trailing zeros: {@code 10 EUR} equals
 * {@code 10.00 EUR}.
 */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Require.nonNull(amount, "amount");
        Require.nonBlank(currency, "currency");
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code like EUR, was '" + currency + "'");
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(Require.nonNull(amount, "amount")), currency);
    }

    public Money plus(Money other) {
        Require.nonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(Require.nonNull(factor, "factor")), currency);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.compareTo(m.amount) == 0 && currency.equals(m.currency);
    }

    @Override
    public int hashCode() {
        return 31 * amount.stripTrailingZeros().hashCode() + currency.hashCode();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
