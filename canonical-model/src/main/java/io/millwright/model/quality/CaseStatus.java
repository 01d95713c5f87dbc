package io.millwright.model.quality;

public enum CaseStatus {
    OPEN,
    IN_PROGRESS,
    CLOSED
}
