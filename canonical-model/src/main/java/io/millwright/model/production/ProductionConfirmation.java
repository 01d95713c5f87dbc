package io.millwright.model.production;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;

/**
 * A confirmation from the MES. {@code confirmationId} is the MES business key: a resend carries the
 * same id, which is what deduplication keys on. Lot and shift may be added by enrichment.
 */
public record ProductionConfirmation(
        String confirmationId,
        ConfirmationKind kind,
        String productionOrderId,
        @Nullable String operationNumber,
        String resourceId,
        @Nullable String itemId,
        Quantity quantity,
        @Nullable String lotId,
        @Nullable String shiftId,
        @Nullable String reasonCode,
        @Nullable String personnelId,
        boolean finalConfirmation,
        Instant occurredAt) {

    public ProductionConfirmation {
        Require.nonBlank(confirmationId, "confirmationId");
        Require.nonNull(kind, "kind");
        Require.nonBlank(productionOrderId, "productionOrderId");
        Require.nonBlankIfPresent(operationNumber, "operationNumber");
        Require.nonBlank(resourceId, "resourceId");
        Require.nonBlankIfPresent(itemId, "itemId");
        Require.positive(quantity, "quantity");
        Require.nonBlankIfPresent(lotId, "lotId");
        Require.nonBlankIfPresent(shiftId, "shiftId");
        Require.nonBlankIfPresent(reasonCode, "reasonCode");
        Require.nonBlankIfPresent(personnelId, "personnelId");
        Require.nonNull(occurredAt, "occurredAt");
        if (kind != ConfirmationKind.LABOUR && itemId == null) {
            throw new IllegalArgumentException("itemId is required for a " + kind + " confirmation");
        }
    }
}
