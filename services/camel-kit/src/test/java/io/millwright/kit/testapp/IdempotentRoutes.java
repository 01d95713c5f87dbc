package io.millwright.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.route.MillwrightRouteConfiguration;

/**
 * Two processors of the same topic (own consumer group, own idempotent repository), deduplicating on the
 * business key carried as the Kafka record key, the way service routes use the kit.
 */
@ApplicationScoped
public class IdempotentRoutes extends RouteBuilder {

    public static final String TOPIC = "kit-test.idempotent";
    public static final String PROCESSOR_A = "kit-test.idempotent-a";
    public static final String PROCESSOR_B = "kit-test.idempotent-b";

    @Inject
    IdempotentRepositories repositories;

    @Inject
    IdempotencyProbe probe;

    @Override
    public void configure() {
        for (String processor : new String[] { PROCESSOR_A, PROCESSOR_B }) {
            from("kafka:" + TOPIC + "?groupId=" + processor)
                    .routeId(processor)
                    .routeConfigurationId(MillwrightRouteConfiguration.ID)
                    .setProperty(IdempotentRepositories.PROCESSOR_PROPERTY, constant(processor))
                    .setProperty(IdempotentRepositories.KEY_PROPERTY, header(KafkaConstants.KEY))
                    .bean(probe, "arrive")
                    .idempotentConsumer(exchangeProperty(IdempotentRepositories.KEY_PROPERTY), repositories.forProcessor(processor))
                        .bean(probe, "process")
                    .end();
        }
    }
}
