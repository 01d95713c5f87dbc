package io.millwright.inventory.mapping;

import java.util.Optional;

import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.service.MovementRequest;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.ProductionConfirmation;

/**
 * Production confirmation → goods movement. COMPLETION receives the produced lot into the receiving location,
 * CONSUMPTION issues the component lot from the component location; SCRAP and LABOUR move no stock (scrapped
 * output was never received, labour is time). The movement id is the confirmation id with a kind prefix, so a
 * resent confirmation, a replayed event or the same confirmation under another event id maps to one movement.
 */
public final class ConfirmationMovementMapper {

    public static final String RECEIPT_PREFIX = "PR-";
    public static final String ISSUE_PREFIX = "PI-";

    private ConfirmationMovementMapper() {
    }

    public static Optional<MovementRequest> toMovement(ConfirmationPosted posted, String plantId, String receivingLocation,
            String componentLocation) {
        ProductionConfirmation c = posted.confirmation();
        return switch (c.kind()) {
            case COMPLETION -> Optional.of(new MovementRequest(RECEIPT_PREFIX + c.confirmationId(), MovementEntity.Kind.PRODUCTION_RECEIPT,
                    c.itemId(), c.lotId(), plantId, null, receivingLocation, c.quantity(), c.productionOrderId(), c.confirmationId(),
                    c.occurredAt()));
            case CONSUMPTION -> Optional.of(new MovementRequest(ISSUE_PREFIX + c.confirmationId(), MovementEntity.Kind.PRODUCTION_ISSUE,
                    c.itemId(), c.lotId(), plantId, componentLocation, null, c.quantity(), c.productionOrderId(), c.confirmationId(),
                    c.occurredAt()));
            case SCRAP, LABOUR -> Optional.empty();
        };
    }
}
