package io.millwright.inventory.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.event.InboundEventReader;
import io.millwright.inventory.service.ProductionMovements;
import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * I2: {@code production.confirmation.posted} events become goods movements. Other production events are not
 * inventory's concern and pass by. A repeated event id is dropped by the idempotent consumer; the movement id
 * catches the same confirmation under another event id. Failures: bounded redelivery, then the dead-letter store.
 */
@ApplicationScoped
public class ProductionEventsRoute extends RouteBuilder {

    public static final String ROUTE_ID = "inventory.production-movements";

    @Inject
    InboundEventReader reader;

    @Inject
    ProductionMovements movements;

    @Inject
    IdempotentRepositories idempotentRepositories;

    @Override
    public void configure() {
        from("kafka:" + Topics.PRODUCTION_EVENTS + "?groupId=inventory-service.production-movements")
                .routeId(ROUTE_ID)
                // Started by ItemMasterSync once items (and their opening balances) are known.
                .autoStartup(false)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(reader, "describe")
                .filter(exchangeProperty(InboundEventReader.TYPE_PROPERTY).isEqualTo(EventType.PRODUCTION_CONFIRMATION_POSTED.type()))
                    .setProperty(IdempotentRepositories.PROCESSOR_PROPERTY, constant(ROUTE_ID))
                    .setProperty(IdempotentRepositories.KEY_PROPERTY, exchangeProperty(InboundEventReader.ID_PROPERTY))
                    .idempotentConsumer(exchangeProperty(IdempotentRepositories.KEY_PROPERTY),
                            idempotentRepositories.forProcessor(ROUTE_ID))
                        .bean(movements, "onConfirmationPosted")
                    .end()
                .end();
    }
}
