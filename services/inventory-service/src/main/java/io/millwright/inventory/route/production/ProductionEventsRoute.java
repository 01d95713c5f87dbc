package io.millwright.inventory.route.production;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.inventory.service.ItemMasterSync;
import io.millwright.inventory.service.ProductionMovements;
import io.millwright.kit.event.EventConsumers;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * I2: {@code production.confirmation.posted} events become goods movements. Other production events are not
 * inventory's concern and pass by. A repeated event id is dropped by the idempotent consumer; the movement id
 * catches the same confirmation under another event id. Failures: bounded redelivery, then the dead-letter store.
 * Started once items (and their opening balances) are known ({@link ItemMasterSync}).
 */
@ApplicationScoped
public class ProductionEventsRoute extends RouteBuilder {

    @Inject
    EventConsumers events;

    @Inject
    ProductionMovements movements;

    @Override
    public void configure() {
        events.consume(this, Topics.PRODUCTION_EVENTS, "inventory-service.production-movements", ItemMasterSync.PRODUCTION_EVENTS_ROUTE_ID,
                        false, EventType.PRODUCTION_CONFIRMATION_POSTED)
                .bean(movements, "onConfirmationPosted");
    }
}
