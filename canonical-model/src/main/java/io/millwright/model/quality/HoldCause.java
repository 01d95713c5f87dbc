package io.millwright.model.quality;

public enum HoldCause {
    /** A QMS/LIMS result failed. */
    QUALITY_RESULT_FAILED,
    /** Maintenance saw an anomaly on the resource the lots were made on. */
    MACHINE_ANOMALY,
    MANUAL
}
