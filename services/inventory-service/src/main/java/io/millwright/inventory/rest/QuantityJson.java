package io.millwright.inventory.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A quantity as the plant-app contracts write it: {@code {"value": 12.5, "unit": "EA"}}. */
public record QuantityJson(
        @NotNull @Positive @Digits(integer = 13, fraction = 6) BigDecimal value,
        @NotBlank @Size(max = 10) String unit) {

    public static QuantityJson of(BigDecimal value, String unit) {
        return new QuantityJson(value == null ? null : value.stripTrailingZeros(), unit);
    }
}
