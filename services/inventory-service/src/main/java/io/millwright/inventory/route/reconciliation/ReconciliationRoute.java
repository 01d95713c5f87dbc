package io.millwright.inventory.route.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.service.Reconciliation;

/** I4: balances compared with ERP's on a schedule; variances are reported, not corrected. */
@ApplicationScoped
public class ReconciliationRoute extends RouteBuilder {

    @Inject
    Reconciliation reconciliation;

    @Inject
    InventoryConfig config;

    @Override
    public void configure() {
        long interval = config.reconciliation().interval().toMillis();
        from("timer:inventory-reconciliation?delay=" + interval + "&period=" + interval)
                .routeId("inventory.reconciliation")
                .bean(reconciliation, "run");
    }
}
