package io.millwright.simulators.erp.service;

import java.time.Instant;

/** One SOAP call as the simulator saw it arrive; headers are null when the caller did not send them. */
public record ErpCall(String operation, String businessKey, String correlationId, String traceparent,
        Instant receivedAt) {
}
