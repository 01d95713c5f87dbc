package io.millwright.model.inventory;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;

/** Stock of one item (and lot, when lot-managed) at one location in one status. */
public record InventoryBalance(
        String itemId,
        @Nullable String lotId,
        String plantId,
        String locationId,
        StockStatus status,
        Quantity quantity,
        Instant asOf) {

    public InventoryBalance {
        Require.nonBlank(itemId, "itemId");
        Require.nonBlankIfPresent(lotId, "lotId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(locationId, "locationId");
        Require.nonNull(status, "status");
        Require.nonNull(quantity, "quantity");
        Require.nonNull(asOf, "asOf");
    }
}
