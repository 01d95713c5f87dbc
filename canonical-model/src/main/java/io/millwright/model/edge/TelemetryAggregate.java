package io.millwright.model.edge;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;

/**
 * Min/max/average over a window of GOOD numeric samples of one tag. {@code quality} is the worst
 * quality seen in the window; statistics are absent when no GOOD sample arrived.
 */
public record TelemetryAggregate(
        String plantId,
        String sourceId,
        long sequenceNumber,
        String assetId,
        String tag,
        Instant windowStart,
        Instant windowEnd,
        long sampleCount,
        long goodSampleCount,
        @Nullable Quantity minimum,
        @Nullable Quantity maximum,
        @Nullable Quantity average,
        SampleQuality quality) implements SourceSequenced {

    public TelemetryAggregate {
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(sourceId, "sourceId");
        Require.nonNegative(sequenceNumber, "sequenceNumber");
        Require.nonBlank(assetId, "assetId");
        Require.nonBlank(tag, "tag");
        Require.nonNull(windowStart, "windowStart");
        Require.nonNull(windowEnd, "windowEnd");
        Require.ordered(windowStart, windowEnd, "windowStart", "windowEnd");
        Require.nonNegative(sampleCount, "sampleCount");
        Require.nonNegative(goodSampleCount, "goodSampleCount");
        if (goodSampleCount > sampleCount) {
            throw new IllegalArgumentException("goodSampleCount (" + goodSampleCount + ") exceeds sampleCount (" + sampleCount + ")");
        }
        Require.sameUnit(minimum, maximum, "minimum", "maximum");
        Require.sameUnit(minimum, average, "minimum", "average");
        Require.nonNull(quality, "quality");
    }
}
