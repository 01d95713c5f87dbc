package io.millwright.model.common;

import java.math.BigDecimal;

/**
 * An amount with its unit of measure, never one without the other. Units are the codes the ERP
 * uses (e.g. {@code EA}, {@code KG}, {@code MIN}); use {@code 1} for dimensionless values.
 * Equality ignores trailing zeros: {@code 10 KG} equals {@code 10.000 KG}.
 */
public record Quantity(BigDecimal value, String unitOfMeasure) {

    public Quantity {
        Require.nonNull(value, "value");
        Require.nonBlank(unitOfMeasure, "unitOfMeasure");
    }

    public static Quantity of(String value, String unitOfMeasure) {
        return new Quantity(new BigDecimal(Require.nonNull(value, "value")), unitOfMeasure);
    }

    public static Quantity of(long value, String unitOfMeasure) {
        return new Quantity(BigDecimal.valueOf(value), unitOfMeasure);
    }

    public Quantity plus(Quantity other) {
        Require.sameUnit(this, Require.nonNull(other, "other"), "this", "other");
        return new Quantity(value.add(other.value), unitOfMeasure);
    }

    public Quantity minus(Quantity other) {
        Require.sameUnit(this, Require.nonNull(other, "other"), "this", "other");
        return new Quantity(value.subtract(other.value), unitOfMeasure);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0 && unitOfMeasure.equals(q.unitOfMeasure);
    }

    @Override
    public int hashCode() {
        return 31 * value.stripTrailingZeros().hashCode() + unitOfMeasure.hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unitOfMeasure;
    }
}
