package io.millwright.inventory.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.persistence.ItemRecord;
import io.millwright.kit.rest.FieldError;
import io.millwright.kit.error.NonRetryableException;

/** Checks a movement against master data (known item, its base unit, our plant) before the ledger books it. */
@ApplicationScoped
public class MovementIntake {

    @Inject
    StockLedger ledger;

    @Inject
    InventoryConfig config;

    /** @return field errors, empty when the movement may be booked */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FieldError> check(MovementRequest movement, String itemField, String quantityField, String plantField) {
        List<FieldError> errors = new ArrayList<>();
        if (!config.plantId().equals(movement.plantId())) {
            errors.add(new FieldError(plantField, "inventory-service keeps stock of plant " + config.plantId() + ", not " + movement.plantId()));
        }
        ItemRecord item = ItemRecord.findById(movement.itemId());
        if (item == null) {
            errors.add(new FieldError(itemField, "unknown item " + movement.itemId()));
        } else if (!item.baseUom.equals(movement.quantity().unitOfMeasure())) {
            errors.add(new FieldError(quantityField, "must be in " + item.baseUom + ", the item's base unit"));
        }
        return errors;
    }

    /** Message intake: invalid content cannot be cured by redelivery and goes to the dead-letter store with its reasons. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean bookFromMessage(MovementRequest movement) {
        List<FieldError> errors = check(movement, "itemId", "quantity.unitOfMeasure", "plantId");
        if (!errors.isEmpty()) {
            throw new NonRetryableException("Movement " + movement.movementId() + " rejected: " + errors);
        }
        return ledger.book(movement);
    }
}
