package io.millwright.production.rest;

import java.time.Instant;

/** One step of a production order (GET /api/v1/production-orders/{id}/timeline). */
public record TimelineView(String step, String detail, Instant at, String correlationId, String traceId) {
}
