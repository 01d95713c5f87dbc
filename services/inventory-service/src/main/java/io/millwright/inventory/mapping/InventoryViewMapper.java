package io.millwright.inventory.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.millwright.inventory.persistence.BalanceEntity;
import io.millwright.inventory.persistence.HoldEntity;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.persistence.ReconciliationRunEntity;
import io.millwright.inventory.persistence.ReconciliationVarianceEntity;
import io.millwright.inventory.persistence.StockStatusSyncEntity;
import io.millwright.inventory.service.InventoryQueues;
import io.millwright.kit.workqueue.WorkItem;
import io.millwright.inventory.rest.QuantityJson;
import io.millwright.inventory.rest.Views;

/** Entities → API views (call inside a transaction). Database scale is storage detail: 4.000000 is shown as 4. */
public final class InventoryViewMapper {

    private InventoryViewMapper() {
    }

    public static Views.Balance balance(BalanceEntity b) {
        return new Views.Balance(b.itemId, b.lotId, b.plantId, b.locationId, b.status.name(), QuantityJson.of(b.quantity, b.uom),
                b.lastMovementId, b.updatedAt);
    }

    public static Views.Movement movement(MovementEntity m) {
        return new Views.Movement(m.movementId, m.kind.name(), m.itemId, m.lotId, m.plantId, m.fromLocation, m.toLocation,
                QuantityJson.of(m.quantity, m.uom), m.stockStatus.name(), m.productionOrderId, m.sourceReference, m.occurredAt, m.createdAt,
                erp(m));
    }

    /** While the posting waits, its work item knows the attempts, the next attempt and the last error. */
    private static Views.Erp erp(MovementEntity m) {
        Optional<WorkItem> posting = m.erpState == MovementEntity.ErpState.PENDING
                ? WorkItem.find("queue = ?1 and itemKey = ?2", InventoryQueues.ERP_MOVEMENT, m.movementId).firstResultOptional()
                : Optional.empty();
        return new Views.Erp(m.erpState.name(), m.erpDocumentNumber, Math.max(m.erpAttempts, posting.map(p -> p.attempts).orElse(0)),
                posting.map(p -> p.nextAttemptAt).orElse(null), posting.map(p -> p.lastError).orElse(null), m.erpPostedAt);
    }

    public static Views.Hold hold(HoldEntity h) {
        List<StockStatusSyncEntity> syncs = StockStatusSyncEntity.list("holdId = ?1 order by id", h.holdId);
        return new Views.Hold(h.holdId, h.plantId, h.status.name(), h.reason, h.source, h.placedAt, h.releasedAt, h.releaseReason,
                h.lots.stream().map(l -> new Views.HeldLot(l.itemId, l.lotId, l.locationId, QuantityJson.of(l.heldQuantity, l.uom))).toList(),
                syncs.stream().map(s -> new Views.StatusSync(s.target.name(), s.requestId, s.status.name(), s.state.name(), s.attempts,
                        s.documentNumber, lastError(s), s.doneAt)).toList());
    }

    private static String lastError(StockStatusSyncEntity sync) {
        String queue = sync.target == StockStatusSyncEntity.Target.ERP ? InventoryQueues.ERP_STOCK_STATUS : InventoryQueues.WMS_STOCK_STATUS;
        return WorkItem.<WorkItem> find("queue = ?1 and itemKey = ?2", queue, sync.requestId).firstResultOptional()
                .map(item -> item.lastError).orElse(null);
    }

    public static Views.ReconciliationRun run(ReconciliationRunEntity r) {
        return new Views.ReconciliationRun(r.runId, r.plantId, r.status.name(), r.startedAt, r.finishedAt, r.positionsCompared,
                r.positionsSkipped, r.varianceCount, r.error,
                ReconciliationVarianceEntity.ofRun(r.runId).stream().map(InventoryViewMapper::variance).toList());
    }

    private static Views.Variance variance(ReconciliationVarianceEntity v) {
        return new Views.Variance(v.itemId, v.lotId, v.plantId, v.locationId, v.status.name(), q(v.millwrightQuantity, v.uom),
                q(v.erpQuantity, v.uom), q(v.variance, v.uom));
    }

    private static QuantityJson q(BigDecimal value, String uom) {
        return QuantityJson.of(value, uom);
    }
}
