package io.millwright.quality.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.quality.qms.QmsCases;

/**
 * Q2, out: each quality case goes to the QMS, in order per lot. A QMS outage never blocks anything else: the work
 * queue retries with growing pauses up to its attempt budget; a refusal or an exhausted budget ends in a dead letter,
 * whose replay delivers it again.
 */
@ApplicationScoped
public class QmsCaseRoute extends RouteBuilder {

    @Inject
    QmsCases cases;

    @Override
    public void configure() {
        from(WorkQueues.uri(QmsCases.QUEUE))
                .routeId("quality.qms-case")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(cases, "deliver");
    }
}
