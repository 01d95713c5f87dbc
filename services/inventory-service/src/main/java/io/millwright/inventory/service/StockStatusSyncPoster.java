package io.millwright.inventory.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.erp.contract.SetStockStatusResponse;
import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.mapping.ErpMovementMapper;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.persistence.StockStatusSyncEntity;
import io.millwright.inventory.persistence.StockStatusSyncEntity.Target;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.erp.ErpBusinessException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * I3: sends queued stock status changes to ERP (SetStockStatus, posting id = request id) and to the WMS
 * (request id), each exactly once: both receivers deduplicate on the request id, and a row is DONE only
 * after its receiver answered. Per target and lot the changes go out in order (a hold before its release).
 * ERP only knows a lot once its receipt is posted, so an ERP change waits while a movement of that item and
 * lot is still pending. Down or slow receivers: retried with growing pauses; a rejection ends REJECTED with
 * the reason.
 */
@ApplicationScoped
public class StockStatusSyncPoster {

    private static final Logger LOG = Logger.getLogger(StockStatusSyncPoster.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int SCAN_LIMIT = 500;

    @Inject
    ErpInventoryClient erp;

    @Inject
    WmsStockStatusClient wms;

    @Inject
    InventoryConfig config;

    @Inject
    MeterRegistry registry;

    public int sendDue() {
        List<StockStatusSyncEntity> claims = QuarkusTransaction.requiringNew().call(this::claimDue);
        claims.forEach(this::send);
        return claims.size();
    }

    public static long pendingCount() {
        return StockStatusSyncEntity.count("state", StockStatusSyncEntity.State.PENDING);
    }

    private List<StockStatusSyncEntity> claimDue() {
        Instant now = Instant.now();
        List<StockStatusSyncEntity> pending = StockStatusSyncEntity.<StockStatusSyncEntity> find("state = ?1 order by id",
                StockStatusSyncEntity.State.PENDING)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, SCAN_LIMIT)
                .list();
        Set<String> lotsWaiting = new HashSet<>();
        List<StockStatusSyncEntity> claims = new ArrayList<>();
        for (StockStatusSyncEntity sync : pending) {
            boolean olderPendingOfLot = !lotsWaiting.add(sync.target + "/" + sync.itemId + "/" + sync.lotId);
            if (olderPendingOfLot || claims.size() >= config.erpPosting().batchSize()) {
                continue;
            }
            if (sync.nextAttemptAt != null && sync.nextAttemptAt.isAfter(now)) {
                continue;
            }
            if (sync.target == Target.ERP && movementPending(sync.itemId, sync.lotId)) {
                continue;
            }
            sync.nextAttemptAt = now.plus(LEASE);
            claims.add(sync);
        }
        // Detached copies for the calls outside the transaction
        return claims;
    }

    private static boolean movementPending(String itemId, String lotId) {
        return MovementEntity.count("erpState = ?1 and itemId = ?2 and (lotId = ?3 or lotId is null)",
                MovementEntity.ErpState.PENDING, itemId, lotId) > 0;
    }

    private void send(StockStatusSyncEntity sync) {
        Correlation.bind(sync.correlationId);
        try {
            String document;
            if (sync.target == Target.ERP) {
                SetStockStatusResponse response = erp.setStockStatus(ErpMovementMapper.toSetStockStatus(sync));
                document = response.getDocumentNumber();
            } else {
                boolean duplicate = wms.send(sync);
                document = duplicate ? "duplicate" : null;
            }
            QuarkusTransaction.requiringNew().run(() -> done(sync.id, document));
            registry.counter("millwright.inventory.stock.status.syncs", "target", sync.target.name(), "outcome", "done").increment();
        } catch (ErpBusinessException | WmsStockStatusClient.WmsRejectedException e) {
            QuarkusTransaction.requiringNew().run(() -> rejected(sync.id, e));
            registry.counter("millwright.inventory.stock.status.syncs", "target", sync.target.name(), "outcome", "rejected").increment();
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> postpone(sync.id, e));
            registry.counter("millwright.inventory.stock.status.syncs", "target", sync.target.name(), "outcome", "failed").increment();
        } finally {
            Correlation.bind(null);
        }
    }

    private void done(Long id, String document) {
        StockStatusSyncEntity sync = StockStatusSyncEntity.findById(id);
        if (sync.state != StockStatusSyncEntity.State.PENDING) {
            return;
        }
        sync.state = StockStatusSyncEntity.State.DONE;
        sync.attempts++;
        sync.doneAt = Instant.now();
        sync.documentNumber = document;
        sync.nextAttemptAt = null;
        sync.lastError = null;
        LOG.infof("Stock status %s sent to %s", sync.requestId, sync.target);
    }

    private void rejected(Long id, RuntimeException e) {
        StockStatusSyncEntity sync = StockStatusSyncEntity.findById(id);
        sync.state = StockStatusSyncEntity.State.REJECTED;
        sync.attempts++;
        sync.nextAttemptAt = null;
        sync.lastError = e.getMessage();
        LOG.errorf("Stock status %s rejected by %s, needs an operator: %s", sync.requestId, sync.target, e.getMessage());
    }

    private void postpone(Long id, RuntimeException e) {
        StockStatusSyncEntity sync = StockStatusSyncEntity.findById(id);
        sync.attempts++;
        long backoff = Math.min(config.erpPosting().maxBackoffSeconds(), 1L << Math.min(sync.attempts, 20));
        sync.nextAttemptAt = Instant.now().plusSeconds(backoff);
        sync.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warnf("Stock status %s waits for %s (attempt %d, next in %d s): %s", sync.requestId, sync.target, sync.attempts, backoff,
                sync.lastError);
    }
}
