package io.millwright.model.inventory;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;

/** Stock moved between statuses, e.g. to QUALITY_HOLD for a hold; {@code locationId} absent means every location. */
public record StockStatusChanged(
        String itemId,
        @Nullable String lotId,
        String plantId,
        @Nullable String locationId,
        StockStatus previousStatus,
        StockStatus newStatus,
        @Nullable Quantity quantity,
        @Nullable String holdId,
        String reason,
        Instant changedAt) {

    public StockStatusChanged {
        Require.nonBlank(itemId, "itemId");
        Require.nonBlankIfPresent(lotId, "lotId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlankIfPresent(locationId, "locationId");
        Require.nonNull(previousStatus, "previousStatus");
        Require.nonNull(newStatus, "newStatus");
        Require.nonBlankIfPresent(holdId, "holdId");
        Require.nonBlank(reason, "reason");
        Require.nonNull(changedAt, "changedAt");
        if (previousStatus == newStatus) {
            throw new IllegalArgumentException("newStatus must differ from previousStatus (" + previousStatus + ")");
        }
    }
}
