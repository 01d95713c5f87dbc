package io.millwright.production.mapping;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A quantity as the MES writes it: {@code {"value": 50, "unit": "EA"}}. */
public record MesQuantity(
        @NotNull @Positive @Digits(integer = 13, fraction = 6) BigDecimal value,
        @NotBlank @Size(max = 10) String unit) {
}
