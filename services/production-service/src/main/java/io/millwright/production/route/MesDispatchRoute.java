package io.millwright.production.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.route.NonRetryableException;
import io.millwright.production.service.MesDispatcher;

/**
 * P2: dispatches released orders to the MES. Dispatch state lives on the order row (attempts, next attempt, last
 * error), so a failed attempt is retried by a later tick, also after a restart. A work order the MES refuses is
 * recorded through the rejection route as a dead letter with the MES's answer.
 */
@ApplicationScoped
public class MesDispatchRoute extends RouteBuilder {

    public static final String REJECTED_URI = "direct:production-dispatch-rejected";
    public static final String REASON_HEADER = "MillwrightRejectionReason";

    @Inject
    MesDispatcher dispatcher;

    @Override
    public void configure() {
        from("timer:production-mes-dispatch?delay=1000&period={{millwright.production.mes.dispatch-interval-ms}}")
                .routeId("production.mes-dispatch")
                .bean(dispatcher, "dispatchDue");

        from(REJECTED_URI)
                .routeId("production.dispatch-rejected")
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .process(exchange -> {
                    throw new NonRetryableException(exchange.getMessage().getHeader(REASON_HEADER, String.class));
                });
    }
}
