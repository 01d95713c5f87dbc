package io.millwright.model.inventory;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;

/** Reconciliation found Millwright and the ERP disagree; {@code variance} = erp - millwright. */
public record InventoryVarianceDetected(
        String reconciliationRunId,
        String itemId,
        @Nullable String lotId,
        String plantId,
        String locationId,
        StockStatus status,
        Quantity millwrightQuantity,
        Quantity erpQuantity,
        Quantity variance,
        Instant detectedAt) {

    public InventoryVarianceDetected {
        Require.nonBlank(reconciliationRunId, "reconciliationRunId");
        Require.nonBlank(itemId, "itemId");
        Require.nonBlankIfPresent(lotId, "lotId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(locationId, "locationId");
        Require.nonNull(status, "status");
        Require.nonNull(millwrightQuantity, "millwrightQuantity");
        Require.nonNull(erpQuantity, "erpQuantity");
        Require.nonNull(variance, "variance");
        Require.sameUnit(millwrightQuantity, erpQuantity, "millwrightQuantity", "erpQuantity");
        Require.sameUnit(erpQuantity, variance, "erpQuantity", "variance");
        Require.nonNull(detectedAt, "detectedAt");
    }
}
