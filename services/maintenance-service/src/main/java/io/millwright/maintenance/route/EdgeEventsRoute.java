package io.millwright.maintenance.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.event.EventConsumers;
import io.millwright.maintenance.edge.EdgeIntake;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * M1: machine events of every plant's edge gateway (state changes, alerts raised and cleared). Telemetry is not read
 * here. Failures: bounded redelivery, then the dead-letter store with the reason; the next event goes on.
 */
@ApplicationScoped
public class EdgeEventsRoute extends RouteBuilder {

    public static final String ROUTE_ID = "maintenance.edge-events";

    @Inject
    EventConsumers events;

    @Inject
    EdgeIntake intake;

    @Override
    public void configure() {
        events.consume(this, Topics.EDGE_EVENTS, "maintenance-service.edge-events", ROUTE_ID, EventType.EDGE_MACHINE_STATE_CHANGED,
                        EventType.EDGE_MACHINE_ALERT_RAISED, EventType.EDGE_MACHINE_ALERT_CLEARED)
                .bean(intake, "onEdgeEvent");
    }
}
