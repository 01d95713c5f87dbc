package io.millwright.production.route.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.error.TargetRejectedException;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.production.client.MesWorkOrderClient;
import io.millwright.production.service.MesDispatch;
import io.millwright.production.service.ProductionQueues;

/**
 * P2: a released production order becomes an MES work order. The release intake enqueues it in the transaction that
 * stores the order; this route maps and sends it. MES down: the order stays RELEASED and the queue tries again with
 * growing pauses, across restarts. MES refuses the payload: the order is DISPATCH_REJECTED and the queue keeps a dead
 * letter with the MES's answer; its replay dispatches the order again.
 */
@ApplicationScoped
public class MesDispatchRoute extends RouteBuilder {


    @Inject
    MesDispatch dispatch;

    @Inject
    MesWorkOrderClient mes;

    @Override
    public void configure() {
        from(WorkQueues.uri(ProductionQueues.MES_DISPATCH))
                .routeId("production.mes-dispatch")
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .onException(TargetUnavailableException.class)
                    .bean(dispatch, "attemptFailed")
                .end()
                .onException(TargetRejectedException.class)
                    .bean(dispatch, "refused")
                .end()
                .bean(dispatch, "reopenIfReplayed")
                .filter(method(dispatch, "awaitsDispatch"))
                    .bean(dispatch, "workOrder")
                    .bean(mes, "dispatch")
                    .bean(dispatch, "dispatched")
                .end();
    }
}
