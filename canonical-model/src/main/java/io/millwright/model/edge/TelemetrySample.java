package io.millwright.model.edge;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;

/**
 * One tag reading. Numeric tags carry {@code value} (unit from the plant's tag configuration),
 * textual/enumerated tags carry {@code textValue}. A GOOD sample always has one of them; a BAD one
 * may have neither and says why in {@code qualityReason}.
 */
public record TelemetrySample(
        String plantId,
        String sourceId,
        long sequenceNumber,
        String assetId,
        String tag,
        @Nullable Quantity value,
        @Nullable String textValue,
        SampleQuality quality,
        @Nullable String qualityReason,
        Instant sampledAt) implements SourceSequenced {

    public TelemetrySample {
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(sourceId, "sourceId");
        Require.nonNegative(sequenceNumber, "sequenceNumber");
        Require.nonBlank(assetId, "assetId");
        Require.nonBlank(tag, "tag");
        Require.nonNull(quality, "quality");
        Require.nonBlankIfPresent(qualityReason, "qualityReason");
        Require.nonNull(sampledAt, "sampledAt");
        if (quality == SampleQuality.GOOD && value == null && textValue == null) {
            throw new IllegalArgumentException("a GOOD sample needs value or textValue (tag " + tag + ")");
        }
    }
}
