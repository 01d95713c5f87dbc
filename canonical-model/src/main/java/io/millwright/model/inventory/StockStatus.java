package io.millwright.model.inventory;

public enum StockStatus {
    UNRESTRICTED,
    QUALITY_HOLD,
    BLOCKED
}
