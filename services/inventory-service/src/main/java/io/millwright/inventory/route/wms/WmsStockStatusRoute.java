package io.millwright.inventory.route.wms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.inventory.client.WmsStockStatusClient;
import io.millwright.inventory.service.InventoryQueues;
import io.millwright.inventory.service.StockStatusPosting;
import io.millwright.kit.error.TargetRejectedException;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;

/** I3 to the WMS: quality holds and releases become stock status requests, once each, in order per item and lot. */
@ApplicationScoped
public class WmsStockStatusRoute extends RouteBuilder {

    @Inject
    StockStatusPosting statusChanges;

    @Inject
    WmsStockStatusClient wms;

    @Override
    public void configure() {
        from(WorkQueues.uri(InventoryQueues.WMS_STOCK_STATUS))
                .routeId("inventory.wms-stock-status")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .onException(TargetUnavailableException.class)
                    .bean(statusChanges, "attemptFailed")
                .end()
                .onException(TargetRejectedException.class)
                    .bean(statusChanges, "rejected(${header." + WorkQueues.QUEUE_HEADER + "}, ${header." + WorkQueues.KEY_HEADER
                            + "}, ${header." + WorkQueues.ATTEMPT_HEADER + "}, ${exception})")
                .end()
                .bean(statusChanges, "reopenIfReplayed")
                .bean(statusChanges, "pending")
                .filter(body().isNotNull())
                    .bean(wms, "send")
                    .bean(statusChanges, "sentToWms")
                .end();
    }
}
