package io.millwright.inventory.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.inventory.service.ItemMasterSync;
import io.millwright.inventory.service.MovementErpPoster;
import io.millwright.inventory.service.Reconciliation;
import io.millwright.inventory.service.StockStatusSyncPoster;

/**
 * The timer-driven side of inventory: item master sync (I4), movement postings and stock status changes to ERP
 * and the WMS (I2, I3), reconciliation against ERP (I4). Failures stay on their rows (attempts, next attempt,
 * last error) and are retried by a later tick, so these routes need no redelivery of their own.
 */
@ApplicationScoped
public class ErpSyncRoute extends RouteBuilder {

    @Inject
    ItemMasterSync items;

    @Inject
    MovementErpPoster movements;

    @Inject
    StockStatusSyncPoster statusChanges;

    @Inject
    Reconciliation reconciliation;

    @Override
    public void configure() {
        from("timer:inventory-item-sync?delay=0&period={{millwright.inventory.item-sync.check-interval-ms}}")
                .routeId("inventory.item-sync")
                .bean(items, "syncIfDue");

        from("timer:inventory-erp-posting?delay=500&period={{millwright.inventory.erp-posting.interval-ms}}")
                .routeId("inventory.erp-posting")
                .bean(movements, "postDue");

        from("timer:inventory-stock-status-sync?delay=500&period={{millwright.inventory.erp-posting.interval-ms}}")
                .routeId("inventory.stock-status-sync")
                .bean(statusChanges, "sendDue");

        from("timer:inventory-reconciliation?delay={{millwright.inventory.reconciliation.interval-ms}}"
                + "&period={{millwright.inventory.reconciliation.interval-ms}}")
                .routeId("inventory.reconciliation")
                .bean(reconciliation, "run");
    }
}
