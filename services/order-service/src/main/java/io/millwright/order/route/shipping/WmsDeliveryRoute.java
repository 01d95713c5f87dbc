package io.millwright.order.route.shipping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.order.service.Deliveries;

/**
 * O3/O4: an order's delivery goes to the WMS, in order per order. A WMS outage never blocks anything else: the work
 * queue retries with growing pauses up to its attempt budget; a refusal or an exhausted budget ends in a dead letter.
 */
@ApplicationScoped
public class WmsDeliveryRoute extends RouteBuilder {

    @Inject
    Deliveries deliveries;

    @Override
    public void configure() {
        from(WorkQueues.uri(Deliveries.QUEUE))
                .routeId("order.wms-delivery")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(deliveries, "deliver");
    }
}
