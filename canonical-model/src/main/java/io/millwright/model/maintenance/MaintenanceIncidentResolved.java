package io.millwright.model.maintenance;

import io.millwright.model.common.Require;
import java.time.Instant;

/**
 * The incident's fault stayed cleared for the resolve delay: {@code resolvedAt} is when it cleared (the end of the
 * anomaly window that began at the incident's first alert).
 */
public record MaintenanceIncidentResolved(MaintenanceIncident incident, Instant resolvedAt) {

    public MaintenanceIncidentResolved {
        Require.nonNull(incident, "incident");
        Require.nonNull(resolvedAt, "resolvedAt");
        Require.ordered(incident.firstAlertAt(), resolvedAt, "incident.firstAlertAt", "resolvedAt");
    }
}
