package io.millwright.inventory.route.masterdata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.service.ItemMasterSync;

/** I4: items (with their opening balances) replicated from ERP at start-up and then on a schedule. */
@ApplicationScoped
public class ItemSyncRoute extends RouteBuilder {

    @Inject
    ItemMasterSync items;

    @Inject
    InventoryConfig config;

    @Override
    public void configure() {
        from("timer:inventory-item-sync?delay=0&period=" + config.itemSync().checkInterval().toMillis())
                .routeId("inventory.item-sync")
                .bean(items, "syncIfDue");
    }
}
