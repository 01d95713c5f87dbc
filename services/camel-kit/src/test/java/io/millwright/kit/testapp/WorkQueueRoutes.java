package io.millwright.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;

/** Consumers of work queues as a service has them: one route per queue, the work in a bean. */
@ApplicationScoped
public class WorkQueueRoutes extends RouteBuilder {

    /** Scripted outcomes per key (body = key), retried until it gets through. */
    public static final String DELIVERIES = "kit-test.deliveries";
    /** As {@link #DELIVERIES}, but gives up after three attempts. */
    public static final String LIMITED = "kit-test.limited";
    /** A slow target that may take three calls at a time. */
    public static final String SLOW = "kit-test.slow";
    /** Calls the target {@code kit-test-fragile}, which is down whenever {@link FragileTarget} says so. */
    public static final String FRAGILE = "kit-test.fragile";

    @Inject
    ScriptedFailures failures;

    @Inject
    SlowTarget slow;

    @Inject
    FragileTarget fragile;

    @Override
    public void configure() {
        from(WorkQueues.uri(DELIVERIES))
                .routeId("kit-test.deliveries")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(failures, "handle");

        from(WorkQueues.uri(LIMITED))
                .routeId("kit-test.limited")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(failures, "handle");

        from(WorkQueues.uri(FRAGILE))
                .routeId("kit-test.fragile")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(fragile, "call");

        from(WorkQueues.uri(SLOW))
                .routeId("kit-test.slow")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(slow, "call");
    }
}
