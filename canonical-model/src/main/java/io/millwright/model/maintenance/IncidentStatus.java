package io.millwright.model.maintenance;

public enum IncidentStatus {
    OPEN,
    WORK_REQUESTED,
    RESOLVED,
    CLOSED
}
