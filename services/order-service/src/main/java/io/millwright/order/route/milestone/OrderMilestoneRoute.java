package io.millwright.order.route.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.event.EventConsumers;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.order.service.OrderMilestones;

/**
 * O4, in: production and inventory events become order milestones (each milestone is also queued for the CRM in the
 * same transaction, see {@link CrmMilestoneRoute}). Events are deduplicated by ce_id; unreadable ones go to the
 * dead-letter store; other event types pass by.
 */
@ApplicationScoped
public class OrderMilestoneRoute extends RouteBuilder {

    public static final String PRODUCTION_ROUTE_ID = "order.production-milestones";
    public static final String INVENTORY_ROUTE_ID = "order.inventory-milestones";

    @Inject
    EventConsumers events;

    @Inject
    OrderMilestones milestones;

    @Override
    public void configure() {
        events.consume(this, Topics.PRODUCTION_EVENTS, "order-service.production-milestones", PRODUCTION_ROUTE_ID,
                        EventType.PRODUCTION_ORDER_RELEASED, EventType.PRODUCTION_CONFIRMATION_POSTED)
                .choice()
                    .when(EventConsumers.ofType(EventType.PRODUCTION_ORDER_RELEASED))
                        .bean(milestones, "onProductionOrderReleased")
                    .otherwise()
                        .bean(milestones, "onConfirmationPosted");

        events.consume(this, Topics.INVENTORY_EVENTS, "order-service.inventory-milestones", INVENTORY_ROUTE_ID,
                        EventType.INVENTORY_MOVEMENT_POSTED)
                .bean(milestones, "onMovementPosted");
    }
}
