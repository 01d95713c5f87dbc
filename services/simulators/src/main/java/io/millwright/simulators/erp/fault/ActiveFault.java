package io.millwright.simulators.erp.fault;

import java.time.Instant;

/** The fault in force, as returned by {@code GET /sim/erp/faults}; {@code expiresAt} is null until cleared. */
public record ActiveFault(FaultMode mode, Integer durationSeconds, Long latencyMs, String operation, String faultCode,
        Instant activatedAt, Instant expiresAt) {

    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    boolean appliesTo(String operationName) {
        return operation == null || operation.equals(operationName);
    }
}
