package io.millwright.inventory.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.PostGoodsMovementResponse;
import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.mapping.ErpMovementMapper;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.inventory.InventoryMovement;
import io.millwright.model.inventory.InventoryMovementPosted;
import io.millwright.model.inventory.MovementType;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * I2: posts each booked movement to ERP's PostGoodsMovement exactly once, then publishes
 * {@code inventory.movement.posted}. Movements are claimed with a lease (row lock, SKIP LOCKED, next attempt
 * pushed out) so replicas never post the same one at once, and no transaction is held during the SOAP call.
 * Per item, movements reach ERP in the order they were booked (a receipt before the issue that consumes it):
 * a movement waits while an older one of the same item is pending. ERP down: retried with growing pauses,
 * across restarts; ERP's deduplication on the movement id makes a retry after a lost answer harmless.
 * A business rejection ends the movement REJECTED with the reason (visible, counted, and reported as a
 * variance by reconciliation) — it is never retried blindly.
 */
@ApplicationScoped
public class MovementErpPoster {

    private static final Logger LOG = Logger.getLogger(MovementErpPoster.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int SCAN_LIMIT = 500;

    @Inject
    ErpInventoryClient erp;

    @Inject
    OutboxWriter outbox;

    @Inject
    InventoryConfig config;

    @Inject
    MeterRegistry registry;

    private record Claim(String movementId, PostGoodsMovementRequest request, String correlationId) {
    }

    /** @return how many movements were attempted */
    public int postDue() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claimDue);
        claims.forEach(this::post);
        return claims.size();
    }

    public static long pendingCount() {
        return MovementEntity.count("erpState", MovementEntity.ErpState.PENDING);
    }

    public static Optional<Instant> oldestPending() {
        return MovementEntity.<MovementEntity> find("erpState = ?1 order by createdAt", MovementEntity.ErpState.PENDING)
                .firstResultOptional().map(m -> m.createdAt);
    }

    private List<Claim> claimDue() {
        Instant now = Instant.now();
        List<MovementEntity> pending = MovementEntity.<MovementEntity> find("erpState = ?1 order by createdAt, movementId",
                MovementEntity.ErpState.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, SCAN_LIMIT)
                .list();
        Set<String> itemsWaiting = new HashSet<>();
        List<Claim> claims = new ArrayList<>();
        for (MovementEntity movement : pending) {
            boolean olderPendingOfItem = !itemsWaiting.add(movement.itemId);
            if (olderPendingOfItem || claims.size() >= config.erpPosting().batchSize()) {
                continue;
            }
            if (movement.nextErpAttemptAt == null || !movement.nextErpAttemptAt.isAfter(now)) {
                movement.nextErpAttemptAt = now.plus(LEASE);
                claims.add(new Claim(movement.movementId, ErpMovementMapper.toPostGoodsMovement(movement), movement.correlationId));
            }
        }
        return claims;
    }

    private void post(Claim claim) {
        Correlation.bind(claim.correlationId());
        try {
            PostGoodsMovementResponse response = erp.postGoodsMovement(claim.request());
            QuarkusTransaction.requiringNew().run(() -> posted(claim, response));
            registry.counter("millwright.inventory.erp.postings", "outcome", "posted").increment();
        } catch (ErpBusinessException e) {
            QuarkusTransaction.requiringNew().run(() -> rejected(claim, e));
            registry.counter("millwright.inventory.erp.postings", "outcome", "rejected").increment();
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> postpone(claim, e));
            registry.counter("millwright.inventory.erp.postings", "outcome", "failed").increment();
        } finally {
            Correlation.bind(null);
        }
    }

    private void posted(Claim claim, PostGoodsMovementResponse response) {
        MovementEntity movement = MovementEntity.findById(claim.movementId());
        if (movement.erpState != MovementEntity.ErpState.PENDING) {
            return;
        }
        Instant now = Instant.now();
        movement.erpState = MovementEntity.ErpState.POSTED;
        movement.erpDocumentNumber = response.getDocumentNumber();
        movement.erpAttempts++;
        movement.erpPostedAt = now;
        movement.nextErpAttemptAt = null;
        movement.lastErpError = null;
        outbox.append(EventType.INVENTORY_MOVEMENT_POSTED, movement.itemId,
                new InventoryMovementPosted(canonical(movement), response.getDocumentNumber(), now), claim.correlationId());
        LOG.infof("Movement %s posted to ERP as %s%s", movement.movementId, response.getDocumentNumber(),
                response.isDuplicate() ? " (ERP already had it: an earlier attempt reached ERP)" : "");
    }

    private void rejected(Claim claim, ErpBusinessException e) {
        MovementEntity movement = MovementEntity.findById(claim.movementId());
        if (movement.erpState != MovementEntity.ErpState.PENDING) {
            return;
        }
        movement.erpState = MovementEntity.ErpState.REJECTED;
        movement.erpAttempts++;
        movement.nextErpAttemptAt = null;
        movement.lastErpError = e.getMessage();
        LOG.errorf("Movement %s rejected by ERP, needs an operator: %s", movement.movementId, e.getMessage());
    }

    private void postpone(Claim claim, RuntimeException e) {
        MovementEntity movement = MovementEntity.findById(claim.movementId());
        if (movement.erpState != MovementEntity.ErpState.PENDING) {
            return;
        }
        movement.erpAttempts++;
        long backoff = Math.min(config.erpPosting().maxBackoffSeconds(), 1L << Math.min(movement.erpAttempts, 20));
        movement.nextErpAttemptAt = Instant.now().plusSeconds(backoff);
        movement.lastErpError = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warnf("Movement %s waits for ERP (attempt %d, next in %d s): %s", movement.movementId, movement.erpAttempts, backoff,
                movement.lastErpError);
    }

    /** Puts a REJECTED movement back in the queue once an operator fixed the cause in ERP. */
    public boolean retry(String movementId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MovementEntity movement = MovementEntity.findById(movementId);
            if (movement == null || movement.erpState != MovementEntity.ErpState.REJECTED) {
                return false;
            }
            movement.erpState = MovementEntity.ErpState.PENDING;
            movement.nextErpAttemptAt = Instant.now();
            return true;
        });
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
