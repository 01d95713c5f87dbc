package io.millwright.order.route.quality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.event.EventConsumers;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.order.service.OrderRisks;

/** O3 at risk: quality-service's holds and releases of lots put orders at risk and clear them again. */
@ApplicationScoped
public class QualityRiskRoute extends RouteBuilder {

    public static final String ROUTE_ID = "order.quality-risks";

    @Inject
    EventConsumers events;

    @Inject
    OrderRisks risks;

    @Override
    public void configure() {
        events.consume(this, Topics.QUALITY_EVENTS, "order-service.quality-risks", ROUTE_ID, EventType.QUALITY_HOLD_PLACED,
                        EventType.QUALITY_HOLD_RELEASED)
                .bean(risks, "onQualityEvent");
    }
}
