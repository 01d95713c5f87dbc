package io.millwright.inventory.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.event.InboundEventReader;
import io.millwright.inventory.service.QualityHoldEvents;
import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/** I3: quality holds and releases from quality-service, deduplicated by event id (and by hold id in the service). */
@ApplicationScoped
public class QualityEventsRoute extends RouteBuilder {

    public static final String ROUTE_ID = "inventory.quality-holds";

    @Inject
    InboundEventReader reader;

    @Inject
    QualityHoldEvents holds;

    @Inject
    IdempotentRepositories idempotentRepositories;

    @Override
    public void configure() {
        from("kafka:" + Topics.QUALITY_EVENTS + "?groupId=inventory-service.quality-holds")
                .routeId(ROUTE_ID)
                .autoStartup(false)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(reader, "describe")
                .filter(exchangeProperty(InboundEventReader.TYPE_PROPERTY).in(EventType.QUALITY_HOLD_PLACED.type(),
                        EventType.QUALITY_HOLD_RELEASED.type()))
                    .setProperty(IdempotentRepositories.PROCESSOR_PROPERTY, constant(ROUTE_ID))
                    .setProperty(IdempotentRepositories.KEY_PROPERTY, exchangeProperty(InboundEventReader.ID_PROPERTY))
                    .idempotentConsumer(exchangeProperty(IdempotentRepositories.KEY_PROPERTY),
                            idempotentRepositories.forProcessor(ROUTE_ID))
                        .bean(holds, "onEvent")
                    .end()
                .end();
    }
}
