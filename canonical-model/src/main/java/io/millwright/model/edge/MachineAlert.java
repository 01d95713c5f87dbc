package io.millwright.model.edge;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;

/** A mapped fault code or threshold alarm; {@code tag}/{@code value} name the reading that triggered it, if any. */
public record MachineAlert(
        String plantId,
        String sourceId,
        long sequenceNumber,
        String assetId,
        String faultCode,
        @Nullable String faultDescription,
        AlertSeverity severity,
        @Nullable String tag,
        @Nullable Quantity value,
        Instant raisedAt) implements SourceSequenced {

    public MachineAlert {
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(sourceId, "sourceId");
        Require.nonNegative(sequenceNumber, "sequenceNumber");
        Require.nonBlank(assetId, "assetId");
        Require.nonBlank(faultCode, "faultCode");
        Require.nonBlankIfPresent(faultDescription, "faultDescription");
        Require.nonNull(severity, "severity");
        Require.nonBlankIfPresent(tag, "tag");
        Require.nonNull(raisedAt, "raisedAt");
    }
}
