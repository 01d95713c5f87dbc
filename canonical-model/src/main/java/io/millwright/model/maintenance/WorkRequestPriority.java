package io.millwright.model.maintenance;

public enum WorkRequestPriority {
    EMERGENCY,
    HIGH,
    MEDIUM,
    LOW
}
