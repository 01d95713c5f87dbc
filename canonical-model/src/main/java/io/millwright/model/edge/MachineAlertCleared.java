package io.millwright.model.edge;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;

/**
 * A fault raised before ({@link MachineAlert}) is no longer signalled: the asset's fault code went back to 0 or was
 * replaced by another code. {@code tag} names the fault signal, if any.
 */
public record MachineAlertCleared(
        String plantId,
        String sourceId,
        long sequenceNumber,
        String assetId,
        String faultCode,
        @Nullable String tag,
        Instant clearedAt) implements SourceSequenced {

    public MachineAlertCleared {
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(sourceId, "sourceId");
        Require.nonNegative(sequenceNumber, "sequenceNumber");
        Require.nonBlank(assetId, "assetId");
        Require.nonBlank(faultCode, "faultCode");
        Require.nonBlankIfPresent(tag, "tag");
        Require.nonNull(clearedAt, "clearedAt");
    }
}
