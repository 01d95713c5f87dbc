package io.millwright.production.rest;

import java.time.Instant;

/**
 * A production order with an unfinished operation on a resource (GET /api/v1/resources/{id}/work-orders): the one the
 * resource is on ({@code active}) or one waiting for it.
 */
public record ResourceWorkOrderView(
        String resourceId,
        String productionOrderId,
        String salesOrderId,
        String status,
        String itemId,
        String operationNumber,
        String operationDescription,
        boolean active,
        Instant releasedAt,
        Instant dispatchedAt,
        Instant lastConfirmationAt) {
}
