package io.millwright.inventory.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.camel.Body;
import org.apache.camel.ExchangeException;
import org.apache.camel.Header;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.erp.contract.SetStockStatusRequest;
import io.millwright.erp.contract.SetStockStatusResponse;
import io.millwright.inventory.mapping.ErpMovementMapper;
import io.millwright.inventory.persistence.StockStatusSyncEntity;
import io.millwright.inventory.persistence.StockStatusSyncEntity.Target;
import io.millwright.kit.error.TargetRejectedException;
import io.millwright.kit.workqueue.WorkQueues;

/**
 * I3, a stock status change's side of its delivery to ERP (SetStockStatus, posting id = request id) and to the WMS
 * (request id): both receivers deduplicate on the request id, and a change is DONE only after its receiver answered.
 * A refusal ends REJECTED with the reason and a dead letter kept by the work queue.
 */
@ApplicationScoped
public class StockStatusPosting {

    private static final Logger LOG = Logger.getLogger(StockStatusPosting.class);

    @Inject
    WorkQueues workQueues;

    @Inject
    MeterRegistry registry;

    public static long pendingCount() {
        return StockStatusSyncEntity.count("state", StockStatusSyncEntity.State.PENDING);
    }

    /** Queues a change stored in the caller's transaction for its receiver, in order per item and lot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(StockStatusSyncEntity sync) {
        if (sync.target == Target.ERP) {
            workQueues.enqueue(InventoryQueues.ERP_STOCK_STATUS, sync.requestId, String.valueOf(sync.id),
                    InventoryQueues.erpOrderingKey(sync.itemId, sync.lotId));
        } else {
            workQueues.enqueue(InventoryQueues.WMS_STOCK_STATUS, sync.requestId, String.valueOf(sync.id),
                    InventoryQueues.wmsOrderingKey(sync.itemId, sync.lotId));
        }
    }

    /** An operator's replay of a refused change: it is sent again. */
    @Transactional
    public void reopenIfReplayed(@Body String syncId, @Header(WorkQueues.DEAD_LETTER_HEADER) String deadLetterId) {
        StockStatusSyncEntity sync = StockStatusSyncEntity.findById(Long.valueOf(syncId), LockModeType.PESSIMISTIC_WRITE);
        if (deadLetterId != null && sync != null && sync.state == StockStatusSyncEntity.State.REJECTED) {
            sync.state = StockStatusSyncEntity.State.PENDING;
            LOG.infof("Stock status %s to %s replayed by an operator", sync.requestId, sync.target);
        }
    }

    /** The change while it is still to be sent, else null (a filter drops it). */
    @Transactional
    public StockStatusSyncEntity pending(@Body String syncId) {
        StockStatusSyncEntity sync = StockStatusSyncEntity.findById(Long.valueOf(syncId));
        return sync != null && sync.state == StockStatusSyncEntity.State.PENDING ? sync : null;
    }

    public SetStockStatusRequest erpRequest(@Body StockStatusSyncEntity sync) {
        return ErpMovementMapper.toSetStockStatus(sync);
    }

    @Transactional
    public void sentToErp(@Header(WorkQueues.KEY_HEADER) String requestId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            SetStockStatusResponse response) {
        done(Target.ERP, requestId, attempt, response.getDocumentNumber());
    }

    @Transactional
    public void sentToWms(@Header(WorkQueues.KEY_HEADER) String requestId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            boolean duplicate) {
        done(Target.WMS, requestId, attempt, duplicate ? "duplicate" : null);
    }

    @Transactional
    public void rejected(@Header(WorkQueues.QUEUE_HEADER) String queue, @Header(WorkQueues.KEY_HEADER) String requestId,
            @Header(WorkQueues.ATTEMPT_HEADER) int attempt, @ExchangeException TargetRejectedException rejection) {
        StockStatusSyncEntity sync = find(targetOf(queue), requestId);
        if (sync == null || sync.state != StockStatusSyncEntity.State.PENDING) {
            return;
        }
        sync.state = StockStatusSyncEntity.State.REJECTED;
        sync.attempts = attempt;
        registry.counter("millwright.inventory.stock.status.syncs", "target", sync.target.name(), "outcome", "rejected").increment();
        LOG.errorf("Stock status %s rejected by %s, needs an operator: %s", sync.requestId, sync.target, rejection.getMessage());
    }

    @Transactional
    public void attemptFailed(@Header(WorkQueues.QUEUE_HEADER) String queue, @Header(WorkQueues.KEY_HEADER) String requestId,
            @Header(WorkQueues.ATTEMPT_HEADER) int attempt) {
        StockStatusSyncEntity sync = find(targetOf(queue), requestId);
        if (sync != null && sync.state == StockStatusSyncEntity.State.PENDING) {
            sync.attempts = attempt;
            registry.counter("millwright.inventory.stock.status.syncs", "target", sync.target.name(), "outcome", "failed").increment();
        }
    }

    private void done(Target target, String requestId, int attempt, String document) {
        StockStatusSyncEntity sync = find(target, requestId);
        if (sync == null || sync.state != StockStatusSyncEntity.State.PENDING) {
            return;
        }
        sync.state = StockStatusSyncEntity.State.DONE;
        sync.attempts = attempt;
        sync.doneAt = Instant.now();
        sync.documentNumber = document;
        registry.counter("millwright.inventory.stock.status.syncs", "target", target.name(), "outcome", "done").increment();
        LOG.infof("Stock status %s sent to %s", sync.requestId, target);
    }

    private static Target targetOf(String queue) {
        return InventoryQueues.WMS_STOCK_STATUS.equals(queue) ? Target.WMS : Target.ERP;
    }

    private static StockStatusSyncEntity find(Target target, String requestId) {
        return StockStatusSyncEntity.<StockStatusSyncEntity> find("target = ?1 and requestId = ?2", target, requestId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
