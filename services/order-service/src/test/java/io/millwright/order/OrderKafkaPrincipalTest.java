package io.millwright.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.event.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * order-service reaches Kafka as its own principal, with the settings it runs with: the broker refuses it the
 * production events topic (production-service's), so a bug or a compromised service cannot forge production events.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
class OrderKafkaPrincipalTest {

    @Inject
    ProducerTemplate producer;

    @Inject
    KitConfig config;

    @Test
    void theServicesPrincipalIsRefusedOnTheProductionEventsTopic() {
        assertThat(config.kafka().principal()).isEqualTo("order-service");
        assertThat(config.kafka().securityProtocol()).isEqualTo("SASL_SSL");
        String key = "forged-" + UUID.randomUUID();

        Exchange sent = producer.send("kafka:" + Topics.PRODUCTION_EVENTS, exchange -> {
            exchange.getMessage().setHeader(KafkaConstants.KEY, key);
            exchange.getMessage().setBody(key.getBytes(StandardCharsets.UTF_8));
        });

        assertThat(sent.getException()).isNotNull();
        assertThat(rootCause(sent.getException())).isInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining(Topics.PRODUCTION_EVENTS);
        assertThat(KafkaTestClient.readAll(Topics.PRODUCTION_EVENTS, Duration.ofSeconds(1))).noneMatch(r -> key.equals(r.key()));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
