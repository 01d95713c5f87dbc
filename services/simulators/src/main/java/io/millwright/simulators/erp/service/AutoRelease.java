package io.millwright.simulators.erp.service;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.millwright.simulators.erp.persistence.SalesOrderEntity;
import io.millwright.simulators.erp.persistence.SalesOrderLineEntity;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * With auto-release on, a new sales order for manufactured items gets one released production order per such line,
 * like an ERP's make-to-order planning run. It runs on its own thread a short delay after the sales order was
 * committed, so the SOAP answer to CreateSalesOrder never waits for the release callback.
 */
@ApplicationScoped
public class AutoRelease {

    private static final Logger LOG = Logger.getLogger(AutoRelease.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "erp-auto-release");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    ErpSettings settings;

    @Inject
    ProductionPlanningService planning;

    @Inject
    ProductionOrderReleaser releaser;

    /** Called after CreateSalesOrder committed a new order. */
    public void salesOrderCreated(String salesOrderNumber) {
        try {
            ErpSettings.View current = settings.current();
            if (current.autoRelease()) {
                executor.schedule(() -> run(salesOrderNumber), current.autoReleaseDelayMs(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            // the sales order is committed and must be answered; the release is the ERP's side business
            LOG.errorf(e, "Could not hand sales order %s to auto-release", salesOrderNumber);
        }
    }

    private void run(String salesOrderNumber) {
        try {
            List<String> created = createOrders(salesOrderNumber);
            releaser.releaseAll(created);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Auto-release for sales order %s failed", salesOrderNumber);
        }
    }

    @Transactional
    List<String> createOrders(String salesOrderNumber) {
        SalesOrderEntity order = SalesOrderEntity.byNumber(salesOrderNumber).orElse(null);
        if (order == null) {
            // reset in between
            return List.of();
        }
        return order.lines.stream()
                .filter(line -> planning.isManufactured(line.itemId))
                .map((SalesOrderLineEntity line) -> planning.createEntity(line.itemId, line.quantity,
                        salesOrderNumber, null, true).productionOrderNumber)
                .toList();
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
