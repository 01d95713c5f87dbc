package io.millwright.model.inventory;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;

/** The new balance; {@code previousQuantity} is absent for a balance that did not exist before. */
public record InventoryBalanceChanged(
        InventoryBalance balance,
        @Nullable Quantity previousQuantity,
        @Nullable String movementId) {

    public InventoryBalanceChanged {
        Require.nonNull(balance, "balance");
        Require.sameUnit(previousQuantity, balance.quantity(), "previousQuantity", "balance.quantity");
        Require.nonBlankIfPresent(movementId, "movementId");
    }
}
