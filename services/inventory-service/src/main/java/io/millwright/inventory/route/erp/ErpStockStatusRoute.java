package io.millwright.inventory.route.erp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.inventory.service.ErpInventoryClient;
import io.millwright.inventory.service.InventoryQueues;
import io.millwright.inventory.service.StockStatusPosting;
import io.millwright.kit.error.TargetRejectedException;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;

/**
 * I3 to ERP: quality holds and releases become SetStockStatus calls, once each (request id = posting id), in order per
 * item and lot with the goods movements of that lot: a hold waits for the receipt of its lot to be posted, since the
 * ERP only knows a lot from then on.
 */
@ApplicationScoped
public class ErpStockStatusRoute extends RouteBuilder {

    @Inject
    StockStatusPosting statusChanges;

    @Inject
    ErpInventoryClient erp;

    @Override
    public void configure() {
        from(WorkQueues.uri(InventoryQueues.ERP_STOCK_STATUS))
                .routeId("inventory.erp-stock-status")
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
                    .bean(statusChanges, "erpRequest")
                    .bean(erp, "setStockStatus")
                    .bean(statusChanges, "sentToErp")
                .end();
    }
}
