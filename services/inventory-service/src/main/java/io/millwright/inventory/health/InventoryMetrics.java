package io.millwright.inventory.health;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.inventory.persistence.HoldEntity;
import io.millwright.inventory.persistence.HoldLotEntity;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.persistence.ReconciliationRunEntity;
import io.millwright.inventory.service.MovementPosting;
import io.millwright.inventory.service.StockStatusPosting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Business metrics of inventory (SPEC X5). The work queues behind the postings report their own depth, age, attempts
 * and failures as {@code millwright_work_queue_*{queue=...}}.
 */
@ApplicationScoped
public class InventoryMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        gauge(registry, "millwright.inventory.erp.postings.pending", "Movements booked but not yet posted to ERP",
                MovementPosting::pendingCount);
        gauge(registry, "millwright.inventory.erp.postings.oldest.pending.seconds",
                "Age of the oldest movement waiting for ERP; grows while ERP is unreachable",
                () -> MovementPosting.oldestPending().map(t -> Duration.between(t, Instant.now()).toSeconds()).orElse(0L));
        gauge(registry, "millwright.inventory.erp.postings.rejected", "Movements ERP rejected; each needs an operator",
                () -> MovementEntity.count("erpState", MovementEntity.ErpState.REJECTED));
        gauge(registry, "millwright.inventory.stock.status.pending", "Stock status changes not yet confirmed by ERP or the WMS",
                StockStatusPosting::pendingCount);
        gauge(registry, "millwright.inventory.reconciliation.variances", "Variances found by the last completed reconciliation",
                () -> ReconciliationRunEntity.latestCompleted().map(r -> (long) r.varianceCount).orElse(0L));
        gauge(registry, "millwright.inventory.lots.on.hold", "Lots under an active quality hold",
                () -> HoldLotEntity.count("hold.status", HoldEntity.Status.ACTIVE));
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Long> query) {
        Gauge.builder(name, () -> {
            try {
                return QuarkusTransaction.requiringNew().call(query::get);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).register(registry);
    }
}
