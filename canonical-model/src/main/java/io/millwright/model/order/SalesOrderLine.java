package io.millwright.model.order;

import io.millwright.model.common.Money;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;

public record SalesOrderLine(int lineNumber, String itemId, Quantity quantity, Money unitPrice) {

    public SalesOrderLine {
        Require.positive(lineNumber, "lineNumber");
        Require.nonBlank(itemId, "itemId");
        Require.positive(quantity, "quantity");
        Require.nonNull(unitPrice, "unitPrice");
        Require.nonNegative(unitPrice.amount(), "unitPrice.amount");
    }

    public Money lineTotal() {
        return unitPrice.times(quantity.value());
    }
}
