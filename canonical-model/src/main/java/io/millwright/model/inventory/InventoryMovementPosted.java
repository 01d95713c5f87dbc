package io.millwright.model.inventory;

import io.millwright.model.common.Require;
import java.time.Instant;

public record InventoryMovementPosted(InventoryMovement movement, String erpDocumentNumber, Instant postedAt) {

    public InventoryMovementPosted {
        Require.nonNull(movement, "movement");
        Require.nonBlank(erpDocumentNumber, "erpDocumentNumber");
        Require.nonNull(postedAt, "postedAt");
    }
}
