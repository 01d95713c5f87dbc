package io.millwright.model.edge;

public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL
}
