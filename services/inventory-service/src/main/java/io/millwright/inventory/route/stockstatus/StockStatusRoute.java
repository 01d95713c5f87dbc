package io.millwright.inventory.route.stockstatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;

import io.millwright.inventory.client.WmsStockStatusClient;
import io.millwright.inventory.service.ErpInventoryClient;
import io.millwright.inventory.service.InventoryQueues;
import io.millwright.inventory.service.StockStatusPosting;
import io.millwright.kit.error.TargetRejectedException;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;

/**
 * I3: quality holds and releases reach the ERP (SetStockStatus, request id = posting id) and the WMS (stock status
 * request), once each and in order per item and lot. The ERP's change waits behind the earlier movements of its lot
 * (the ERP only knows a lot once its receipt is posted). Down: retried; refused: REJECTED and a dead letter.
 */
@ApplicationScoped
public class StockStatusRoute extends RouteBuilder {

    @Inject
    StockStatusPosting statusChanges;

    @Inject
    ErpInventoryClient erp;

    @Inject
    WmsStockStatusClient wms;

    @Override
    public void configure() {
        pendingChangeOf(InventoryQueues.ERP_STOCK_STATUS, "inventory.erp-stock-status")
                .bean(statusChanges, "erpRequest")
                .bean(erp, "setStockStatus")
                .bean(statusChanges, "sentToErp");

        pendingChangeOf(InventoryQueues.WMS_STOCK_STATUS, "inventory.wms-stock-status")
                .bean(wms, "send")
                .bean(statusChanges, "sentToWms");
    }

    /** A change from the queue while it is still to be sent (body: the change); failures update it. */
    private ProcessorDefinition<?> pendingChangeOf(String queue, String routeId) {
        return from(WorkQueues.uri(queue))
                .routeId(routeId)
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .onException(TargetUnavailableException.class)
                    .bean(statusChanges, "attemptFailed")
                .end()
                .onException(TargetRejectedException.class)
                    .bean(statusChanges, "rejected")
                .end()
                .bean(statusChanges, "reopenIfReplayed")
                .bean(statusChanges, "pending")
                .filter(body().isNotNull());
    }
}
