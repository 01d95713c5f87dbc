package io.millwright.model.order;

/** Milestones reported back to the CRM, in the order they normally happen. */
public enum OrderMilestone {
    CONFIRMED,
    PRODUCTION_RELEASED,
    PRODUCTION_STARTED,
    PRODUCTION_COMPLETED,
    QUALITY_RELEASED,
    READY_TO_SHIP,
    SHIPPED
}
