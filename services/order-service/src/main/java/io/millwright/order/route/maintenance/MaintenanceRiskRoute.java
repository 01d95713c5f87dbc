package io.millwright.order.route.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.event.EventConsumers;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.order.service.OrderRisks;

/** M4 delay risk: machine incidents put the orders on their resource at risk, and their resolution clears it. */
@ApplicationScoped
public class MaintenanceRiskRoute extends RouteBuilder {

    public static final String ROUTE_ID = "order.maintenance-risks";

    @Inject
    EventConsumers events;

    @Inject
    OrderRisks risks;

    @Override
    public void configure() {
        events.consume(this, Topics.MAINTENANCE_EVENTS, "order-service.maintenance-risks", ROUTE_ID, EventType.MAINTENANCE_INCIDENT_OPENED,
                        EventType.MAINTENANCE_INCIDENT_RESOLVED)
                .bean(risks, "onMaintenanceEvent");
    }
}
