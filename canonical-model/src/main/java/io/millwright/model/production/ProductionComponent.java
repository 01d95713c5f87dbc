package io.millwright.model.production;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;

/** A bill-of-material position: what is consumed, how much, at which operation and from where. */
public record ProductionComponent(
        int position,
        String itemId,
        Quantity requiredQuantity,
        @Nullable String operationNumber,
        @Nullable String storageLocationId,
        @Nullable String lotId) {

    public ProductionComponent {
        Require.positive(position, "position");
        Require.nonBlank(itemId, "itemId");
        Require.positive(requiredQuantity, "requiredQuantity");
        Require.nonBlankIfPresent(operationNumber, "operationNumber");
        Require.nonBlankIfPresent(storageLocationId, "storageLocationId");
        Require.nonBlankIfPresent(lotId, "lotId");
    }
}
