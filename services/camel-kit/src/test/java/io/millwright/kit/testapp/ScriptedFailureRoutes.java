package io.millwright.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;

/** Consumers of the default error policy: called directly (as is, or rewriting the message first) and fed by a Kafka topic. */
@ApplicationScoped
public class ScriptedFailureRoutes extends RouteBuilder {

    public static final String DIRECT_URI = "direct:kit-test.scripted";
    public static final String DIRECT_ROUTE_ID = "kit-test.scripted-direct";
    /** Rewrites body and headers before the failing step, so a dead letter shows which message it kept. */
    public static final String REWRITING_URI = "direct:kit-test.scripted-rewriting";
    public static final String REWRITING_PREFIX = "rewritten ";
    public static final String TOPIC = "kit-test.scripted";
    public static final String TOPIC_ROUTE_ID = "kit-test.scripted-topic";

    @Inject
    ScriptedFailures failures;

    @Override
    public void configure() {
        from(DIRECT_URI)
                .routeId(DIRECT_ROUTE_ID)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(failures, "handle");

        from(REWRITING_URI)
                .routeId("kit-test.scripted-rewriting")
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .setBody(simple(REWRITING_PREFIX + "${body}"))
                .setHeader("rewritten", constant("yes"))
                .bean(failures, "handle");

        from("kafka:" + TOPIC + "?groupId=" + TOPIC_ROUTE_ID)
                .routeId(TOPIC_ROUTE_ID)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(failures, "handle");
    }
}
