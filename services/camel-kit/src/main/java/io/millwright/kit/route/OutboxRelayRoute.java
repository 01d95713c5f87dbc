package io.millwright.kit.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.outbox.OutboxRelay;

/**
 * Polls the outbox and relays committed events to Kafka. Failures stay in the outbox table (attempts, last_error)
 * and are retried on the next tick, so this route needs no dead-letter channel.
 */
@ApplicationScoped
public class OutboxRelayRoute extends RouteBuilder {

    @Inject
    OutboxRelay relay;

    @Inject
    KitConfig config;

    @Override
    public void configure() {
        from("timer:millwright-outbox?delay=1000&period=" + config.outbox().pollIntervalMs())
                .routeId("kit.outbox-relay")
                .autoStartup(config.outbox().enabled())
                .bean(relay, "publishPending");
    }
}
