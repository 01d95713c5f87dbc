package io.millwright.order.route.erp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.order.service.ErpSalesOrderClient;
import io.millwright.order.service.OrderQueues;
import io.millwright.order.service.SalesOrderPosting;

/**
 * O2: an accepted order becomes an ERP sales order. The order intake enqueues the order in its own transaction; this
 * route takes it from the work queue (as many at once as {@code millwright.kit.work-queues."order.erp-sales-order".concurrency}
 * allows), posts it and records the answer. ERP unavailable: the order waits for ERP and the queue tries again
 * with growing pauses, across restarts, until ERP answers. A business rejection ends the order as rejected.
 */
@ApplicationScoped
public class ErpSalesOrderRoute extends RouteBuilder {

    @Inject
    SalesOrderPosting posting;

    @Inject
    ErpSalesOrderClient erp;

    @Override
    public void configure() {
        from(WorkQueues.uri(OrderQueues.ERP_SALES_ORDER))
                .routeId("order.erp-sales-order")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .onException(TargetUnavailableException.class)
                    .bean(posting, "attemptFailed")
                .end()
                // no request when the order no longer waits for ERP: nothing to do
                .bean(posting, "request")
                .filter(body().isNotNull())
                    .doTry()
                        .bean(erp, "create")
                        .bean(posting, "confirmed")
                    .doCatch(ErpBusinessException.class)
                        .bean(posting, "rejected")
                    .end()
                .end();
    }
}
