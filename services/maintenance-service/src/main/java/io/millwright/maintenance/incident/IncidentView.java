package io.millwright.maintenance.incident;

import java.time.Instant;

import io.millwright.model.maintenance.MaintenanceIncident;

/**
 * An incident as the API shows it: the canonical incident and what maintenance-service knows beyond it ({@code state}
 * is the grouping's: PENDING, OPEN, DISCARDED or RESOLVED).
 */
public record IncidentView(
        MaintenanceIncident incident,
        String state,
        boolean firing,
        Instant clearedAt,
        Instant openedAt,
        Instant resolvedAt,
        Instant correlatedAt,
        String eamWorkRequestId,
        String eamStatus,
        String traceId,
        String traceparent,
        Instant receivedAt) {
}
