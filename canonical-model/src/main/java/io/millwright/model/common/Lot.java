package io.millwright.model.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lot (batch) of one item. Produced lots carry the order, resource and production window, which
 * is what "hold every lot made on resource R between t1 and t2" is answered from.
 */
public record Lot(
        String lotId,
        String itemId,
        String plantId,
        @Nullable String productionOrderId,
        @Nullable String resourceId,
        @Nullable Instant productionStartedAt,
        @Nullable Instant productionFinishedAt,
        @Nullable Quantity producedQuantity,
        @Nullable LocalDate expiryDate,
        @Nullable String supplierBatch) {

    public Lot {
        Require.nonBlank(lotId, "lotId");
        Require.nonBlank(itemId, "itemId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlankIfPresent(productionOrderId, "productionOrderId");
        Require.nonBlankIfPresent(resourceId, "resourceId");
        Require.ordered(productionStartedAt, productionFinishedAt, "productionStartedAt", "productionFinishedAt");
        Require.nonBlankIfPresent(supplierBatch, "supplierBatch");
    }

    /** Whether production of this lot overlapped the window [from, to]; unknown production times never match. */
    public boolean producedDuring(Instant from, Instant to) {
        if (productionStartedAt == null) {
            return false;
        }
        Instant end = productionFinishedAt != null ? productionFinishedAt : productionStartedAt;
        return !productionStartedAt.isAfter(to) && !end.isBefore(from);
    }
}
