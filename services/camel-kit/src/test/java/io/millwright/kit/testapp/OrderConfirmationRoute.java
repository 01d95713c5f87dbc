package io.millwright.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;

/** Order confirmations arriving on Kafka (body = order id), recorded with their outbox event. */
@ApplicationScoped
public class OrderConfirmationRoute extends RouteBuilder {

    public static final String TOPIC = "kit-test.order-confirmations";
    public static final String ROUTE_ID = "kit-test.order-confirmations";

    @Inject
    OrderProgress progress;

    @Override
    public void configure() {
        from("kafka:" + TOPIC + "?groupId=" + ROUTE_ID)
                .routeId(ROUTE_ID)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(progress, "confirm(${body}, false)");
    }
}
