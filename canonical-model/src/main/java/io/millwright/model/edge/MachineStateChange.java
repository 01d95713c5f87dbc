package io.millwright.model.edge;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;

/** A detected state transition; {@code previousState} is absent for the first state after gateway start. */
public record MachineStateChange(
        String plantId,
        String sourceId,
        long sequenceNumber,
        String assetId,
        @Nullable MachineState previousState,
        MachineState state,
        @Nullable String faultCode,
        @Nullable String faultDescription,
        Instant changedAt) implements SourceSequenced {

    public MachineStateChange {
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(sourceId, "sourceId");
        Require.nonNegative(sequenceNumber, "sequenceNumber");
        Require.nonBlank(assetId, "assetId");
        Require.nonNull(state, "state");
        Require.nonBlankIfPresent(faultCode, "faultCode");
        Require.nonBlankIfPresent(faultDescription, "faultDescription");
        Require.nonNull(changedAt, "changedAt");
    }
}
