package io.millwright.model.order;

public enum AtRiskCause {
    QUALITY_HOLD,
    MACHINE_DOWNTIME,
    PRODUCTION_DELAY,
    MATERIAL_SHORTAGE,
    OTHER
}
