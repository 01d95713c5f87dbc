package io.millwright.order.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.kit.event.InboundEventReader;
import io.millwright.order.service.CrmMilestoneDelivery;
import io.millwright.order.service.OrderMilestones;

/**
 * O4: production and inventory events become order milestones, and milestones go to the CRM webhook. Events are
 * deduplicated by their id (ce_id); unreadable ones go to the dead-letter store; other event types pass by.
 */
@ApplicationScoped
public class OrderMilestoneRoute extends RouteBuilder {

    public static final String PRODUCTION_ROUTE_ID = "order.production-milestones";
    public static final String INVENTORY_ROUTE_ID = "order.inventory-milestones";

    @Inject
    InboundEventReader reader;

    @Inject
    OrderMilestones milestones;

    @Inject
    CrmMilestoneDelivery delivery;

    @Inject
    IdempotentRepositories idempotentRepositories;

    @Override
    public void configure() {
        from("kafka:" + Topics.PRODUCTION_EVENTS + "?groupId=order-service.production-milestones")
                .routeId(PRODUCTION_ROUTE_ID)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(reader, "describe")
                .filter(exchangeProperty(InboundEventReader.TYPE_PROPERTY).in(
                        EventType.PRODUCTION_ORDER_RELEASED.type(), EventType.PRODUCTION_CONFIRMATION_POSTED.type()))
                    .setProperty(IdempotentRepositories.PROCESSOR_PROPERTY, constant(PRODUCTION_ROUTE_ID))
                    .setProperty(IdempotentRepositories.KEY_PROPERTY, exchangeProperty(InboundEventReader.ID_PROPERTY))
                    .idempotentConsumer(exchangeProperty(IdempotentRepositories.KEY_PROPERTY),
                            idempotentRepositories.forProcessor(PRODUCTION_ROUTE_ID))
                        .bean(reader, "read")
                        .choice()
                            .when(exchangeProperty(InboundEventReader.TYPE_PROPERTY)
                                    .isEqualTo(EventType.PRODUCTION_ORDER_RELEASED.type()))
                                .bean(milestones, "onProductionOrderReleased")
                            .otherwise()
                                .bean(milestones, "onConfirmationPosted")
                        .end()
                    .end()
                .end();

        from("kafka:" + Topics.INVENTORY_EVENTS + "?groupId=order-service.inventory-milestones")
                .routeId(INVENTORY_ROUTE_ID)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(reader, "describe")
                .filter(exchangeProperty(InboundEventReader.TYPE_PROPERTY).isEqualTo(EventType.INVENTORY_MOVEMENT_POSTED.type()))
                    .setProperty(IdempotentRepositories.PROCESSOR_PROPERTY, constant(INVENTORY_ROUTE_ID))
                    .setProperty(IdempotentRepositories.KEY_PROPERTY, exchangeProperty(InboundEventReader.ID_PROPERTY))
                    .idempotentConsumer(exchangeProperty(IdempotentRepositories.KEY_PROPERTY),
                            idempotentRepositories.forProcessor(INVENTORY_ROUTE_ID))
                        .bean(reader, "read")
                        .bean(milestones, "onMovementPosted")
                    .end()
                .end();

        // Failures are kept on the delivery (attempts, next attempt, last error) and retried by the next tick.
        from("timer:order-crm-milestones?delay=500&period={{millwright.order.crm.poll-interval-ms}}")
                .routeId("order.crm-milestone-delivery")
                .bean(delivery, "deliverDue");

        // Where a replayed dead letter of a CRM delivery arrives: one more attempt, then the usual error policy.
        from(CrmMilestoneDelivery.REPLAY_URI)
                .routeId(CrmMilestoneDelivery.REPLAY_ROUTE_ID)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .convertBodyTo(String.class)
                .bean(delivery, "deliverReplayed");
    }
}
