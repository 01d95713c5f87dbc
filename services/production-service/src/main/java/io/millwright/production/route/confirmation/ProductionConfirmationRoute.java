package io.millwright.production.route.confirmation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.production.service.ConfirmationPosting;
import io.millwright.production.service.ErpConfirmationClient;
import io.millwright.production.service.ProductionQueues;

/**
 * P3: a stored MES confirmation is checked against its order, enriched with resource, lot and shift, posted to ERP
 * exactly once and published. The intake enqueues it with its production order as ordering key, so one order's
 * confirmations pass here one at a time in arrival order while other orders' go on in parallel. ERP unavailable:
 * the queue tries again with growing pauses. Wrong for the order or refused by ERP: the confirmation is marked so and
 * the queue keeps it as a dead letter with the MES body as received; a replay checks it again.
 */
@ApplicationScoped
public class ProductionConfirmationRoute extends RouteBuilder {

    @Inject
    ConfirmationPosting confirmations;

    @Inject
    ErpConfirmationClient erp;

    @Override
    public void configure() {
        from(WorkQueues.uri(ProductionQueues.CONFIRMATION))
                .routeId("production.confirmation")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .onException(TargetUnavailableException.class)
                    .bean(confirmations, "postingFailed")
                .end()
                .onException(ErpBusinessException.class)
                    .bean(confirmations, "rejectedByErp")
                .end()
                // checked against its order and enriched; no request when an earlier attempt posted it already
                .bean(confirmations, "prepare")
                .filter(body().isNotNull())
                    .bean(erp, "post")
                    .bean(confirmations, "posted")
                .end();
    }
}
