package io.millwright.inventory.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ServiceUnavailableException;

import io.millwright.inventory.persistence.ItemRecord;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.rest.ReceiptAccepted;
import io.millwright.inventory.rest.WmsReceiptRequest;
import io.millwright.kit.rest.FieldError;
import io.millwright.kit.rest.UnprocessableEntityException;
import io.millwright.model.common.Quantity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** I2: WMS receipts become WAREHOUSE_RECEIPT movements; the movement id is derived from the receipt id. */
@ApplicationScoped
public class WarehouseReceipts {

    public static final String MOVEMENT_PREFIX = "WR-";

    @Inject
    MovementIntake intake;

    @Inject
    StockLedger ledger;

    public ReceiptAccepted receive(WmsReceiptRequest receipt) {
        MovementRequest movement = new MovementRequest(MOVEMENT_PREFIX + receipt.receiptId(), MovementEntity.Kind.WAREHOUSE_RECEIPT,
                receipt.itemId(), receipt.lotId(), receipt.plantId(), null, receipt.locationId(),
                new Quantity(receipt.quantity().value(), receipt.quantity().unit()), null, receipt.receiptId(),
                receipt.receivedAt() != null ? receipt.receivedAt() : Instant.now());
        try {
            return QuarkusTransaction.requiringNew().call(() -> book(receipt, movement));
        } catch (RuntimeException e) {
            // The same receipt sent twice at the same moment: the second transaction lost the race on the movement id.
            if (QuarkusTransaction.requiringNew().call(() -> MovementEntity.findById(movement.movementId()) != null)) {
                return new ReceiptAccepted(receipt.receiptId(), movement.movementId(), true);
            }
            throw e;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    ReceiptAccepted book(WmsReceiptRequest receipt, MovementRequest movement) {
        if (MovementEntity.findById(movement.movementId()) != null) {
            return new ReceiptAccepted(receipt.receiptId(), movement.movementId(), true);
        }
        if (ItemRecord.count() == 0) {
            throw new ServiceUnavailableException("Items have not been replicated from ERP yet; retry shortly", 30L);
        }
        List<FieldError> errors = intake.check(movement, "itemId", "quantity.unit", "plantId");
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(errors);
        }
        boolean booked = ledger.book(movement);
        return new ReceiptAccepted(receipt.receiptId(), movement.movementId(), !booked);
    }
}
