package io.millwright.inventory.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.millwright.erp.contract.StockBalance;
import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.persistence.BalanceEntity;
import io.millwright.inventory.persistence.ItemRecord;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.persistence.ReconciliationRunEntity;
import io.millwright.inventory.persistence.ReconciliationVarianceEntity;
import io.millwright.inventory.persistence.StockStatusSyncEntity;
import io.millwright.inventory.service.ReconciliationComparison.Amount;
import io.millwright.inventory.service.ReconciliationComparison.Position;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.inventory.InventoryVarianceDetected;
import io.millwright.model.inventory.StockStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * I4: compares Millwright's balances with ERP's GetStockStatus, publishes one {@code inventory.variance.detected}
 * per differing position (through the outbox, in the transaction that stores the run) and keeps the run.
 * <p>
 * Stock in flight is not a variance: ERP's answer is taken at time T0, and any position touched by a movement
 * that was not known to be in ERP by T0 (still PENDING, or posted at or after T0) is skipped this run, as is
 * any lot with a status change not yet confirmed by ERP by T0. They are compared again in the next run. Movements
 * ERP rejected are not in flight: they are real differences and are reported.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);

    @Inject
    ErpInventoryClient erp;

    @Inject
    OutboxWriter outbox;

    @Inject
    InventoryConfig config;

    /** One run; a failure (ERP down) is stored as a FAILED run and reported, not thrown. */
    public ReconciliationRunEntity run() {
        String runId = UUID.randomUUID().toString();
        String plantId = config.plantId();
        Instant t0 = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            ReconciliationRunEntity run = new ReconciliationRunEntity();
            run.runId = runId;
            run.plantId = plantId;
            run.startedAt = t0;
            run.status = ReconciliationRunEntity.Status.RUNNING;
            run.persist();
        });
        try {
            List<String> itemIds = QuarkusTransaction.requiringNew().call(
                    () -> ItemRecord.<ItemRecord> listAll().stream().map(i -> i.itemId).sorted().toList());
            List<StockBalance> erpStock = itemIds.isEmpty() ? List.of() : erp.stock(itemIds, plantId);
            return QuarkusTransaction.requiringNew().call(() -> complete(runId, plantId, t0, new HashSet<>(itemIds), erpStock));
        } catch (RuntimeException e) {
            LOG.warnf("Reconciliation %s failed: %s", runId, e.getMessage());
            return QuarkusTransaction.requiringNew().call(() -> {
                ReconciliationRunEntity run = ReconciliationRunEntity.findById(runId);
                run.status = ReconciliationRunEntity.Status.FAILED;
                run.finishedAt = Instant.now();
                run.error = e.getClass().getSimpleName() + ": " + e.getMessage();
                return run;
            });
        }
    }

    private ReconciliationRunEntity complete(String runId, String plantId, Instant t0, Set<String> itemIds, List<StockBalance> erpStock) {
        Map<Position, Amount> ours = new HashMap<>();
        for (BalanceEntity b : BalanceEntity.ofPlant(plantId)) {
            ours.merge(new Position(b.itemId, b.lotId, b.plantId, b.locationId, b.status), new Amount(b.quantity, b.uom),
                    (a, c) -> new Amount(a.value().add(c.value()), a.uom()));
        }
        Map<Position, Amount> theirs = new HashMap<>();
        for (StockBalance b : erpStock) {
            if (!plantId.equals(b.getPlant()) || !itemIds.contains(b.getItemId())) {
                continue;
            }
            String lot = b.getLot() == null || b.getLot().isBlank() ? null : b.getLot();
            theirs.merge(new Position(b.getItemId(), lot, b.getPlant(), b.getLocation(), StockStatus.valueOf(b.getStatus().value())),
                    new Amount(b.getQuantity().getValue(), b.getQuantity().getUnitOfMeasure()),
                    (a, c) -> new Amount(a.value().add(c.value()), a.uom()));
        }
        ReconciliationComparison.Result result = ReconciliationComparison.compare(ours, theirs, inFlight(plantId, t0));

        ReconciliationRunEntity run = ReconciliationRunEntity.findById(runId);
        Instant now = Instant.now();
        for (ReconciliationComparison.Variance v : result.variances()) {
            ReconciliationVarianceEntity row = new ReconciliationVarianceEntity();
            row.runId = runId;
            row.itemId = v.position().itemId();
            row.lotId = v.position().lotId();
            row.plantId = v.position().plantId();
            row.locationId = v.position().locationId();
            row.status = v.position().status();
            row.millwrightQuantity = v.millwright();
            row.erpQuantity = v.erp();
            row.variance = v.variance();
            row.uom = v.uom();
            row.persist();
            outbox.append(EventType.INVENTORY_VARIANCE_DETECTED, row.itemId, new InventoryVarianceDetected(runId, row.itemId, row.lotId,
                    row.plantId, row.locationId, row.status, quantity(v.millwright(), v.uom()), quantity(v.erp(), v.uom()),
                    quantity(v.variance(), v.uom()), now));
        }
        run.status = ReconciliationRunEntity.Status.COMPLETED;
        run.finishedAt = now;
        run.positionsCompared = result.compared();
        run.positionsSkipped = result.skipped();
        run.varianceCount = result.variances().size();
        LOG.infof("Reconciliation %s: %d position(s) compared, %d skipped as in flight, %d variance(s)", runId, result.compared(),
                result.skipped(), result.variances().size());
        return run;
    }

    /** Positions (and whole lots) whose ERP side may not yet reflect what Millwright booked. */
    private static Predicate<Position> inFlight(String plantId, Instant t0) {
        List<MovementEntity> movements = MovementEntity.list(
                "plantId = ?1 and (erpState = ?2 or erpPostedAt >= ?3 or (createdAt >= ?3 and erpState <> ?4))", plantId,
                MovementEntity.ErpState.PENDING, t0, MovementEntity.ErpState.NOT_POSTED);
        Set<String> positions = new HashSet<>();
        Set<String> itemLocations = new HashSet<>();
        for (MovementEntity m : movements) {
            if (m.lotId == null) {
                // a lot-less issue may take from any lot at the location
                itemLocations.add(m.itemId + "|" + m.locationId());
            }
            positions.add(m.itemId + "|" + m.lotId + "|" + m.locationId());
        }
        Set<String> lots = new HashSet<>();
        List<StockStatusSyncEntity> statusChanges = StockStatusSyncEntity.list("target = ?1 and plantId = ?2 and (state = ?3 or doneAt >= ?4)",
                StockStatusSyncEntity.Target.ERP, plantId, StockStatusSyncEntity.State.PENDING, t0);
        for (StockStatusSyncEntity s : statusChanges) {
            lots.add(s.itemId + "|" + s.lotId);
        }
        return p -> positions.contains(p.itemId() + "|" + p.lotId() + "|" + p.locationId())
                || itemLocations.contains(p.itemId() + "|" + p.locationId())
                || lots.contains(p.itemId() + "|" + p.lotId());
    }

    private static Quantity quantity(java.math.BigDecimal value, String uom) {
        return new Quantity(value.stripTrailingZeros(), uom);
    }
}
