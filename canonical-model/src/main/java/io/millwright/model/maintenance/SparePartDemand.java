package io.millwright.model.maintenance;

import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;

public record SparePartDemand(String itemId, Quantity quantity) {

    public SparePartDemand {
        Require.nonBlank(itemId, "itemId");
        Require.positive(quantity, "quantity");
    }
}
