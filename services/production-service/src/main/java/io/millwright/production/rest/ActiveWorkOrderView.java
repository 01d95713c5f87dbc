package io.millwright.production.rest;

import java.time.Instant;

/** The work order a resource is on (GET /api/v1/resources/{id}/active-work-order). */
public record ActiveWorkOrderView(
        String resourceId,
        String productionOrderId,
        String mesWorkOrderId,
        String status,
        String itemId,
        String outputLot,
        String operationNumber,
        String operationDescription,
        Instant dispatchedAt,
        Instant lastConfirmationAt) {
}
