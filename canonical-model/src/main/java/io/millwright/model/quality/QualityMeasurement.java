package io.millwright.model.quality;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;

/** One inspected characteristic; qualitative ones carry {@code textValue} instead of a measured quantity. */
public record QualityMeasurement(
        String characteristic,
        @Nullable Quantity measured,
        @Nullable String textValue,
        @Nullable Quantity lowerLimit,
        @Nullable Quantity upperLimit,
        QualityVerdict verdict) {

    public QualityMeasurement {
        Require.nonBlank(characteristic, "characteristic");
        Require.nonBlankIfPresent(textValue, "textValue");
        Require.sameUnit(measured, lowerLimit, "measured", "lowerLimit");
        Require.sameUnit(measured, upperLimit, "measured", "upperLimit");
        Require.nonNull(verdict, "verdict");
        if (measured == null && textValue == null) {
            throw new IllegalArgumentException("measured or textValue is required for characteristic " + characteristic);
        }
    }
}
