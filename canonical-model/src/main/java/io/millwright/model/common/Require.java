package io.millwright.model.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Argument checks for compact constructors; every message names the offending field. */
public final class Require {

    private Require() {
    }

    public static <T> T nonNull(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    public static String nonBlank(String value, String field) {
        nonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Optional text: null stays null, but an empty string is a producer bug, not "absent". */
    public static String nonBlankIfPresent(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank when present");
        }
        return value;
    }

    /** Immutable copy; rejects a null list and null elements. */
    public static <T> List<T> list(List<T> values, String field) {
        nonNull(values, field);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new NullPointerException(field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    public static <T> List<T> nonEmptyList(List<T> values, String field) {
        List<T> copy = list(values, field);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return copy;
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    public static Quantity positive(Quantity quantity, String field) {
        nonNull(quantity, field);
        if (quantity.value().signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + quantity);
        }
        return quantity;
    }

    public static Quantity nonNegative(Quantity quantity, String field) {
        nonNull(quantity, field);
        if (quantity.value().signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + quantity);
        }
        return quantity;
    }

    public static BigDecimal nonNegative(BigDecimal value, String field) {
        nonNull(value, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /** Both ends optional; when both are present the window must not run backwards. */
    public static void ordered(Instant from, Instant to, String fromField, String toField) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException(toField + " (" + to + ") is before " + fromField + " (" + from + ")");
        }
    }

    public static void sameUnit(Quantity a, Quantity b, String aField, String bField) {
        if (a != null && b != null && !a.unitOfMeasure().equals(b.unitOfMeasure())) {
            throw new IllegalArgumentException(aField + " is in " + a.unitOfMeasure() + " but " + bField
                    + " is in " + b.unitOfMeasure());
        }
    }
}
