package io.millwright.quality.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.event.EventConsumers;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.quality.genealogy.GenealogyRecorder;

/**
 * Lot genealogy from production: released orders (item, sales order) and posted confirmations (consumed and produced
 * lots, resource, operation, time). Other production events pass by; a repeated event id is dropped by the idempotent
 * consumer, the same confirmation under another id by its confirmation id. Failures: bounded redelivery, then the
 * dead-letter store with the reason.
 */
@ApplicationScoped
public class ProductionEventsRoute extends RouteBuilder {

    public static final String ROUTE_ID = "quality.genealogy";

    @Inject
    EventConsumers events;

    @Inject
    GenealogyRecorder recorder;

    @Override
    public void configure() {
        events.consume(this, Topics.PRODUCTION_EVENTS, "quality-service.genealogy", ROUTE_ID,
                        EventType.PRODUCTION_ORDER_RELEASED, EventType.PRODUCTION_CONFIRMATION_POSTED)
                .bean(recorder, "onProductionEvent");
    }
}
