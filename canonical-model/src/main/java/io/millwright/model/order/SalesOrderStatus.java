package io.millwright.model.order;

public enum SalesOrderStatus {
    /** Validated and stored; not yet in the ERP. */
    ACCEPTED,
    /** ERP unreachable or slow: will be posted when it returns. */
    WAITING_FOR_ERP,
    CONFIRMED,
    REJECTED,
    IN_FULFILMENT,
    AT_RISK,
    SHIPPED,
    CANCELLED
}
