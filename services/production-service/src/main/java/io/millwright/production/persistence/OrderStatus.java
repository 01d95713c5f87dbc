package io.millwright.production.persistence;

/** Where a production order stands in production-service. */
public enum OrderStatus {
    /** Stored, waiting to be dispatched to the MES (retried while the MES is down). */
    RELEASED,
    /** The MES has the work order; its acknowledgement is outstanding. */
    DISPATCHED,
    ACKNOWLEDGED,
    /** At least one confirmation has been posted to ERP. */
    IN_PROGRESS,
    /** The final completion of the last operation was posted; later confirmations are invalid. */
    CLOSED,
    /** The MES refused the work order (4xx): an operator must look at it (dead letter with the reason). */
    DISPATCH_REJECTED
}
