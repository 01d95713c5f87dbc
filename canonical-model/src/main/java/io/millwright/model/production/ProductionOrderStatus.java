package io.millwright.model.production;

public enum ProductionOrderStatus {
    RELEASED,
    DISPATCHED,
    ACKNOWLEDGED,
    IN_PROGRESS,
    COMPLETED,
    CLOSED,
    CANCELLED
}
