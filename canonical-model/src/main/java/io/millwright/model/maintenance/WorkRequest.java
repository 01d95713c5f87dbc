package io.millwright.model.maintenance;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.util.List;

/**
 * A work request raised in the EAM for an incident; {@code eamWorkRequestId} arrives once the EAM
 * has accepted it. Downtime, cost centre and spare parts are what the ERP is told (not telemetry).
 */
public record WorkRequest(
        String workRequestId,
        @Nullable String eamWorkRequestId,
        String incidentId,
        String plantId,
        String assetId,
        WorkRequestPriority priority,
        String description,
        @Nullable String activeProductionOrderId,
        @Nullable String costCenter,
        @Nullable Quantity estimatedDowntime,
        List<SparePartDemand> spareParts,
        Instant requestedAt) {

    public WorkRequest {
        Require.nonBlank(workRequestId, "workRequestId");
        Require.nonBlankIfPresent(eamWorkRequestId, "eamWorkRequestId");
        Require.nonBlank(incidentId, "incidentId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(assetId, "assetId");
        Require.nonNull(priority, "priority");
        Require.nonBlank(description, "description");
        Require.nonBlankIfPresent(activeProductionOrderId, "activeProductionOrderId");
        Require.nonBlankIfPresent(costCenter, "costCenter");
        if (estimatedDowntime != null) {
            Require.nonNegative(estimatedDowntime, "estimatedDowntime");
        }
        spareParts = Require.list(spareParts, "spareParts");
        Require.nonNull(requestedAt, "requestedAt");
    }
}
