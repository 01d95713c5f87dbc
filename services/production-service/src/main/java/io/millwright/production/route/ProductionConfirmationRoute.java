package io.millwright.production.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.production.service.ConfirmationProcessor;

/**
 * P3: confirmations stored by the intake are claimed in order per production order and processed one by one
 * (validate, enrich, post to ERP, publish). The processing route's message is the raw MES body with the
 * confirmation id as a header, so a confirmation that is wrong for its order lands in the dead-letter store as the
 * MES sent it, and an operator's replay puts it back in line.
 */
@ApplicationScoped
public class ProductionConfirmationRoute extends RouteBuilder {

    public static final String PROCESS_URI = "direct:production-confirmation";
    public static final String CONFIRMATION_ID_HEADER = "MesConfirmationId";

    @Inject
    ConfirmationProcessor processor;

    @Override
    public void configure() {
        // Each claim is sent as an exchange of its own, so a dead letter names this route's endpoint and can be replayed.
        from("timer:production-confirmations?delay=1000&period={{millwright.production.confirmation.interval-ms}}")
                .routeId("production.confirmation-poller")
                .bean(processor, "processDue");

        from(PROCESS_URI)
                .routeId("production.confirmation")
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(processor, "process(${header." + CONFIRMATION_ID_HEADER + "})");
    }
}
