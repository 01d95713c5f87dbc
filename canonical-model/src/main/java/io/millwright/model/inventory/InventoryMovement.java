package io.millwright.model.inventory;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;

/**
 * A stock movement. {@code movementId} is the idempotency key towards the ERP: it is derived from the
 * source document ({@code sourceReference}, e.g. the confirmation id), so a resend maps to the same id.
 * Receipts have only a destination, issues only a source, transfers both.
 */
public record InventoryMovement(
        String movementId,
        MovementType type,
        String itemId,
        @Nullable String lotId,
        String plantId,
        @Nullable String fromLocationId,
        @Nullable String toLocationId,
        Quantity quantity,
        StockStatus stockStatus,
        @Nullable String productionOrderId,
        @Nullable String salesOrderId,
        @Nullable String sourceReference,
        Instant occurredAt) {

    public InventoryMovement {
        Require.nonBlank(movementId, "movementId");
        Require.nonNull(type, "type");
        Require.nonBlank(itemId, "itemId");
        Require.nonBlankIfPresent(lotId, "lotId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlankIfPresent(fromLocationId, "fromLocationId");
        Require.nonBlankIfPresent(toLocationId, "toLocationId");
        Require.positive(quantity, "quantity");
        Require.nonNull(stockStatus, "stockStatus");
        Require.nonBlankIfPresent(productionOrderId, "productionOrderId");
        Require.nonBlankIfPresent(salesOrderId, "salesOrderId");
        Require.nonBlankIfPresent(sourceReference, "sourceReference");
        Require.nonNull(occurredAt, "occurredAt");
        if (fromLocationId == null && toLocationId == null) {
            throw new IllegalArgumentException("fromLocationId or toLocationId is required");
        }
    }
}
