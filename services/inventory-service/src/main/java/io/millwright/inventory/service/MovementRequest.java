package io.millwright.inventory.service;

import java.time.Instant;

import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;

/**
 * A goods movement to book: a receipt names {@code toLocation}, an issue {@code fromLocation}. {@code movementId}
 * is derived from the source document so that the same source always maps to the same movement.
 */
public record MovementRequest(
        String movementId,
        MovementEntity.Kind kind,
        String itemId,
        String lotId,
        String plantId,
        String fromLocation,
        String toLocation,
        Quantity quantity,
        String productionOrderId,
        String sourceReference,
        Instant occurredAt) {

    public MovementRequest {
        Require.nonBlank(movementId, "movementId");
        Require.nonNull(kind, "kind");
        Require.nonBlank(itemId, "itemId");
        Require.nonBlankIfPresent(lotId, "lotId");
        Require.nonBlank(plantId, "plantId");
        Require.positive(quantity, "quantity");
        Require.nonNull(occurredAt, "occurredAt");
        if ((fromLocation == null) == (toLocation == null)) {
            throw new IllegalArgumentException("a movement names exactly one of fromLocation (issue) and toLocation (receipt)");
        }
    }

    public boolean isReceipt() {
        return toLocation != null;
    }
}
