package io.millwright.model.order;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;

public record ShipmentLine(int lineNumber, String itemId, Quantity quantity, @Nullable String lotId) {

    public ShipmentLine {
        Require.positive(lineNumber, "lineNumber");
        Require.nonBlank(itemId, "itemId");
        Require.positive(quantity, "quantity");
        Require.nonBlankIfPresent(lotId, "lotId");
    }
}
