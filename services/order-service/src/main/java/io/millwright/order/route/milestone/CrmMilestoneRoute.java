package io.millwright.order.route.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.order.client.CrmWebhook;
import io.millwright.order.service.OrderMilestones;
import io.millwright.order.service.OrderQueues;

/**
 * O4, out: each milestone goes to the CRM webhook, in order per order. A CRM outage never blocks event consumption:
 * the work queue retries with growing pauses up to its attempt budget; an answer the CRM will not change its mind
 * about (4xx other than 408/429) or an exhausted budget ends in a dead letter, whose replay delivers it again.
 */
@ApplicationScoped
public class CrmMilestoneRoute extends RouteBuilder {

    @Inject
    CrmWebhook crm;

    @Inject
    OrderMilestones milestones;

    @Override
    public void configure() {
        from(WorkQueues.uri(OrderQueues.CRM_MILESTONE))
                .routeId("order.crm-milestone")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(crm, "deliver")
                .bean(milestones, "notified");
    }
}
