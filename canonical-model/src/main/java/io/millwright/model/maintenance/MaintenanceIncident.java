package io.millwright.model.maintenance;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import io.millwright.model.edge.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * Repeated alerts for one asset and fault code within the grouping window, as one incident.
 * {@code activeProductionOrderId} is the work order running on the asset when it was opened;
 * {@code resourceId}, {@code workCenterId} and {@code costCenter} are the asset's place in the ERP;
 * {@code affectedProductionOrderIds} are the production orders running or waiting on that resource
 * (their orders are at risk while the incident is open).
 */
public record MaintenanceIncident(
        String incidentId,
        String plantId,
        String assetId,
        String faultCode,
        @Nullable String faultDescription,
        AlertSeverity severity,
        IncidentStatus status,
        int alertCount,
        Instant firstAlertAt,
        Instant lastAlertAt,
        @Nullable String activeProductionOrderId,
        @Nullable String resourceId,
        @Nullable String workCenterId,
        @Nullable String costCenter,
        @Nullable List<String> affectedProductionOrderIds) {

    public MaintenanceIncident {
        Require.nonBlank(incidentId, "incidentId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(assetId, "assetId");
        Require.nonBlank(faultCode, "faultCode");
        Require.nonBlankIfPresent(faultDescription, "faultDescription");
        Require.nonNull(severity, "severity");
        Require.nonNull(status, "status");
        Require.positive(alertCount, "alertCount");
        Require.nonNull(firstAlertAt, "firstAlertAt");
        Require.nonNull(lastAlertAt, "lastAlertAt");
        Require.ordered(firstAlertAt, lastAlertAt, "firstAlertAt", "lastAlertAt");
        Require.nonBlankIfPresent(activeProductionOrderId, "activeProductionOrderId");
        Require.nonBlankIfPresent(resourceId, "resourceId");
        Require.nonBlankIfPresent(workCenterId, "workCenterId");
        Require.nonBlankIfPresent(costCenter, "costCenter");
        affectedProductionOrderIds = affectedProductionOrderIds == null ? null
                : Require.list(affectedProductionOrderIds, "affectedProductionOrderIds");
    }
}
