package io.millwright.edge.config;

/**
 * TELEMETRY goes to {@code millwright.edge.telemetry}, and a full disk may later drop its oldest entries (E4).
 * EVENT tags carry machine/business signals that are never dropped.
 */
public enum TagClass {
    TELEMETRY,
    EVENT
}
