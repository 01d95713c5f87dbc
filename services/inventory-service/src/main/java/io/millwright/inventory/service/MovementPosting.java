package io.millwright.inventory.service;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.camel.ExchangeException;
import org.apache.camel.Header;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.PostGoodsMovementResponse;
import io.millwright.inventory.mapping.ErpMovementMapper;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.inventory.InventoryMovement;
import io.millwright.model.inventory.InventoryMovementPosted;
import io.millwright.model.inventory.MovementType;

/**
 * I2, the movement's side of its ERP posting (PostGoodsMovement, movement id = ERP idempotency key): what to send,
 * and what the ERP's answer does. Posted: POSTED with the document number and {@code inventory.movement.posted} in one
 * transaction. Refused: REJECTED with the reason (visible, counted, reported as a variance by reconciliation) and a
 * dead letter kept by the work queue; replaying it, or {@link #retry}, posts it again once an operator fixed the cause.
 */
@ApplicationScoped
public class MovementPosting {

    private static final Logger LOG = Logger.getLogger(MovementPosting.class);

    @Inject
    OutboxWriter outbox;

    @Inject
    WorkQueues workQueues;

    @Inject
    MeterRegistry registry;

    public static long pendingCount() {
        return MovementEntity.count("erpState", MovementEntity.ErpState.PENDING);
    }

    public static Optional<Instant> oldestPending() {
        return MovementEntity.<MovementEntity> find("erpState = ?1 order by createdAt", MovementEntity.ErpState.PENDING)
                .firstResultOptional().map(m -> m.createdAt);
    }

    /** Queues the ERP posting of a movement booked in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(MovementEntity movement) {
        workQueues.enqueue(InventoryQueues.ERP_MOVEMENT, movement.movementId, movement.movementId,
                InventoryQueues.erpOrderingKey(movement.itemId, movement.lotId));
    }

    /** An operator's replay of a refused posting: the movement waits for ERP again. */
    @Transactional
    public void reopenIfReplayed(@Header(WorkQueues.KEY_HEADER) String movementId, @Header(WorkQueues.DEAD_LETTER_HEADER) String deadLetterId) {
        MovementEntity movement = MovementEntity.findById(movementId, LockModeType.PESSIMISTIC_WRITE);
        if (deadLetterId != null && movement != null && movement.erpState == MovementEntity.ErpState.REJECTED) {
            movement.erpState = MovementEntity.ErpState.PENDING;
            LOG.infof("Movement %s replayed by an operator: posted to ERP again", movementId);
        }
    }

    @Transactional
    public boolean pending(@Header(WorkQueues.KEY_HEADER) String movementId) {
        MovementEntity movement = MovementEntity.findById(movementId);
        return movement != null && movement.erpState == MovementEntity.ErpState.PENDING;
    }

    /** The request, rebuilt from the stored movement on every attempt (so every retry is identical). */
    @Transactional
    public PostGoodsMovementRequest request(@Header(WorkQueues.KEY_HEADER) String movementId) {
        return ErpMovementMapper.toPostGoodsMovement(MovementEntity.findById(movementId));
    }

    @Transactional
    public void posted(@Header(WorkQueues.KEY_HEADER) String movementId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            PostGoodsMovementResponse response) {
        MovementEntity movement = pendingMovement(movementId);
        if (movement == null) {
            return;
        }
        Instant now = Instant.now();
        movement.erpState = MovementEntity.ErpState.POSTED;
        movement.erpDocumentNumber = response.getDocumentNumber();
        movement.erpAttempts = attempt;
        movement.erpPostedAt = now;
        outbox.append(EventType.INVENTORY_MOVEMENT_POSTED, movement.itemId,
                new InventoryMovementPosted(canonical(movement), response.getDocumentNumber(), now), movement.correlationId);
        registry.counter("millwright.inventory.erp.postings", "outcome", "posted").increment();
        LOG.infof("Movement %s posted to ERP as %s%s", movement.movementId, response.getDocumentNumber(),
                response.isDuplicate() ? " (ERP already had it: an earlier attempt reached ERP)" : "");
    }

    @Transactional
    public void rejected(@Header(WorkQueues.KEY_HEADER) String movementId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            @ExchangeException ErpBusinessException rejection) {
        MovementEntity movement = pendingMovement(movementId);
        if (movement == null) {
            return;
        }
        movement.erpState = MovementEntity.ErpState.REJECTED;
        movement.erpAttempts = attempt;
        registry.counter("millwright.inventory.erp.postings", "outcome", "rejected").increment();
        LOG.errorf("Movement %s rejected by ERP, needs an operator: %s", movement.movementId, rejection.getMessage());
    }

    @Transactional
    public void attemptFailed(@Header(WorkQueues.KEY_HEADER) String movementId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt) {
        MovementEntity movement = pendingMovement(movementId);
        if (movement != null) {
            movement.erpAttempts = attempt;
        }
        registry.counter("millwright.inventory.erp.postings", "outcome", "failed").increment();
    }

    /** Puts a REJECTED movement back in the queue once an operator fixed the cause in ERP. */
    @Transactional
    public boolean retry(String movementId) {
        MovementEntity movement = MovementEntity.findById(movementId, LockModeType.PESSIMISTIC_WRITE);
        if (movement == null || movement.erpState != MovementEntity.ErpState.REJECTED) {
            return false;
        }
        movement.erpState = MovementEntity.ErpState.PENDING;
        queue(movement);
        return true;
    }

    private static MovementEntity pendingMovement(String movementId) {
        MovementEntity movement = MovementEntity.findById(movementId, LockModeType.PESSIMISTIC_WRITE);
        return movement != null && movement.erpState == MovementEntity.ErpState.PENDING ? movement : null;
    }

    static InventoryMovement canonical(MovementEntity m) {
        MovementType type = switch (m.kind) {
            case PRODUCTION_RECEIPT -> MovementType.PRODUCTION_RECEIPT;
            case PRODUCTION_ISSUE -> MovementType.PRODUCTION_ISSUE;
            case WAREHOUSE_RECEIPT -> MovementType.WAREHOUSE_RECEIPT;
            case OPENING_BALANCE, STATUS_CHANGE -> throw new IllegalArgumentException(m.kind + " is not a goods movement");
        };
        return new InventoryMovement(m.movementId, type, m.itemId, m.lotId, m.plantId, m.fromLocation, m.toLocation,
                new Quantity(m.quantity.stripTrailingZeros(), m.uom), m.stockStatus, m.productionOrderId, null, m.sourceReference,
                m.occurredAt);
    }
}
