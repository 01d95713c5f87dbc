package io.millwright.kit.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.outbox.OutboxRelay;

/**
 * The outbox relay's safety net: events are relayed right after the transaction that wrote them commits; this timer
 * catches what that missed (events written by another replica, a failed send, a restart). Failures stay in the
 * outbox table (attempts, last_error) and are retried, so this route needs no dead-letter channel. Stopping the
 * route stops the relay altogether.
 */
@ApplicationScoped
public class OutboxRelayRoute extends RouteBuilder {

    @Inject
    OutboxRelay relay;

    @Inject
    KitConfig config;

    @Override
    public void configure() {
        from("timer:millwright-outbox?delay=1000&period=" + config.outbox().pollInterval().toMillis())
                .routeId(OutboxRelay.ROUTE_ID)
                .autoStartup(config.outbox().enabled())
                .bean(relay, "publishPending");
    }
}
