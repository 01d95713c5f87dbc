package io.millwright.quality.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.millwright.model.quality.QualityVerdict;

/**
 * What the QMS/LIMS sends for one inspection lot: its result id (our deduplication key), the lot, the verdict and the
 * characteristics measured. Item and production order are optional: the platform finds them from the lot.
 */
public record QmsResultRequest(
        @NotBlank @Size(max = 80) String resultId,
        @NotBlank @Size(max = 50) String lotId,
        @Size(max = 50) String itemId,
        @Size(max = 50) String inspectionPlanId,
        @NotNull QualityVerdict verdict,
        @Valid @Size(max = 200) List<@NotNull @Valid Characteristic> characteristics,
        @Size(max = 50) String inspectorId,
        @NotNull Instant inspectedAt) {

    /** One characteristic: a measured value with its unit and limits, or a text value for qualitative ones. */
    public record Characteristic(
            @NotBlank @Size(max = 80) String name,
            BigDecimal value,
            @Size(max = 10) String unit,
            @Size(max = 200) String textValue,
            BigDecimal lowerLimit,
            BigDecimal upperLimit,
            @NotNull QualityVerdict verdict) {

        @AssertTrue(message = "needs a value or a textValue")
        @JsonIgnore
        public boolean isMeasuredOrDescribed() {
            return value != null || (textValue != null && !textValue.isBlank());
        }
    }
}
