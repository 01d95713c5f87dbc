package io.millwright.order.route.masterdata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.order.config.OrderConfig;
import io.millwright.order.service.MasterDataSync;

/** O1's reference data: customers and items replicated from ERP at start-up and then on a schedule. */
@ApplicationScoped
public class MasterDataSyncRoute extends RouteBuilder {

    @Inject
    MasterDataSync masterData;

    @Inject
    OrderConfig config;

    @Override
    public void configure() {
        from("timer:order-master-data?delay=0&period=" + config.masterData().checkInterval().toMillis())
                .routeId("order.master-data-sync")
                .bean(masterData, "syncIfDue");
    }
}
