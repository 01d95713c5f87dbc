package io.millwright.kit.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.deadletter.DeadLetterStore;

/** The dead-letter channel's target: every exhausted message ends up as a row in kit_dead_letter. */
@ApplicationScoped
public class DeadLetterRoute extends RouteBuilder {

    @Inject
    DeadLetterStore deadLetters;

    @Override
    public void configure() {
        from(MillwrightRouteConfiguration.DEAD_LETTER_URI)
                .routeId("kit.dead-letter")
                .bean(deadLetters, "store");
    }
}
