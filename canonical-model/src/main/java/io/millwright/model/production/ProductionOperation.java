package io.millwright.model.production;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;

/** One routing step; times are quantities too (unit e.g. {@code MIN}) so the unit is never guessed. */
public record ProductionOperation(
        String operationNumber,
        String description,
        String resourceId,
        @Nullable String workCenterId,
        @Nullable Quantity setupTime,
        @Nullable Quantity runTime) {

    public ProductionOperation {
        Require.nonBlank(operationNumber, "operationNumber");
        Require.nonBlank(description, "description");
        Require.nonBlank(resourceId, "resourceId");
        Require.nonBlankIfPresent(workCenterId, "workCenterId");
        if (setupTime != null) {
            Require.nonNegative(setupTime, "setupTime");
        }
        if (runTime != null) {
            Require.nonNegative(runTime, "runTime");
        }
    }
}
