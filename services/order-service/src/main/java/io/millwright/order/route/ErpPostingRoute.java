package io.millwright.order.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.order.service.ErpSalesOrderPoster;
import io.millwright.order.service.MasterDataSync;

/** O2: the ERP side of order intake: master data replication and sales-order posting, both timer driven. */
@ApplicationScoped
public class ErpPostingRoute extends RouteBuilder {

    @Inject
    ErpSalesOrderPoster poster;

    @Inject
    MasterDataSync masterData;

    @Override
    public void configure() {
        // Failures are kept on the order (attempts, next attempt, last error) and retried by the next tick.
        from("timer:order-erp-posting?delay=500&period={{millwright.order.erp-posting.interval-ms}}")
                .routeId("order.erp-posting")
                .bean(poster, "postDueOrders");

        from("timer:order-master-data?delay=0&period={{millwright.order.master-data.check-interval-ms}}")
                .routeId("order.master-data-sync")
                .bean(masterData, "syncIfDue");
    }
}
