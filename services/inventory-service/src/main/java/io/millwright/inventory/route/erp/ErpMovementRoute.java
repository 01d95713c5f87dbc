package io.millwright.inventory.route.erp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.inventory.service.ErpInventoryClient;
import io.millwright.inventory.service.InventoryQueues;
import io.millwright.inventory.service.MovementPosting;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;

/**
 * I2: each booked goods movement is posted to ERP exactly once (the movement id is the ERP's idempotency key), in
 * booking order per item and lot. ERP down: the queue retries with growing pauses, across restarts. Refused: the
 * movement is REJECTED and the queue keeps a dead letter whose replay posts it again.
 */
@ApplicationScoped
public class ErpMovementRoute extends RouteBuilder {


    @Inject
    MovementPosting movements;

    @Inject
    ErpInventoryClient erp;

    @Override
    public void configure() {
        from(WorkQueues.uri(InventoryQueues.ERP_MOVEMENT))
                .routeId("inventory.erp-movement")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .onException(TargetUnavailableException.class)
                    .bean(movements, "attemptFailed")
                .end()
                .onException(ErpBusinessException.class)
                    .bean(movements, "rejected")
                .end()
                .bean(movements, "reopenIfReplayed")
                .filter(method(movements, "pending"))
                    .bean(movements, "request")
                    .bean(erp, "postGoodsMovement")
                    .bean(movements, "posted")
                .end();
    }
}
