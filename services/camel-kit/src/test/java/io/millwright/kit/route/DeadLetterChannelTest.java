package io.millwright.kit.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testapp.ScriptedFailureRoutes;
import io.millwright.kit.testapp.ScriptedFailures;
import io.millwright.kit.testapp.SimulatedOutageException;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.common.ModelJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The default route configuration: bounded redelivery, then one dead letter with everything needed to act on it. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DeadLetterChannelTest {

    @Inject
    ProducerTemplate producer;

    @Inject
    ScriptedFailures failures;

    @Inject
    KitConfig config;

    @Test
    void transientFailuresAreRedeliveredUntilTheMessageGetsThrough() {
        String key = newKey();
        failures.failTimes(key, 2);

        Exchange result = producer.send(ScriptedFailureRoutes.DIRECT_URI, exchange -> exchange.getMessage().setBody(key));

        assertThat(result.getException()).isNull();
        assertThat(failures.calls(key)).isEqualTo(3);
        assertThat(failures.processed(key)).isTrue();
        assertThat(KitTables.deadLetters(key)).isEmpty();
    }

    @Test
    void persistentFailureIsDeadLetteredOnceAfterAllRedeliveries() {
        String key = newKey();
        failures.failAlways(key);

        producer.send(ScriptedFailureRoutes.DIRECT_URI, exchange -> {
            exchange.getMessage().setBody(key);
            exchange.getMessage().setHeader("X-Correlation-Id", "corr-" + key);
            exchange.getMessage().setHeader("plant", "P100");
        });

        int attempts = config.errors().maxRedeliveries() + 1;
        assertThat(failures.calls(key)).isEqualTo(attempts);
        assertThat(failures.processed(key)).isFalse();
        Map<String, Object> letter = only(KitTables.deadLetters(key));
        assertThat(letter.get("reason")).isEqualTo("SimulatedOutageException: Peer unavailable for " + key + " (call " + attempts + ")");
        assertThat(letter.get("exception_type")).isEqualTo(SimulatedOutageException.class.getName());
        assertThat((String) letter.get("stack_trace")).contains(SimulatedOutageException.class.getName()).contains("ScriptedFailures.handle");
        assertThat(new String((byte[]) letter.get("payload"), StandardCharsets.UTF_8)).isEqualTo(key);
        assertThat(headers(letter)).containsEntry("X-Correlation-Id", "corr-" + key).containsEntry("plant", "P100");
        assertThat(letter.get("route_id")).isEqualTo(ScriptedFailureRoutes.DIRECT_ROUTE_ID);
        assertThat(letter.get("endpoint_uri")).isEqualTo("direct://kit-test.scripted");
        assertThat(letter.get("correlation_id")).isEqualTo("corr-" + key);
        assertThat(letter.get("status")).isEqualTo("NEW");
        assertThat(letter.get("replay_count")).isEqualTo(0);
    }

    @Test
    void nonRetryableFailureIsDeadLetteredWithoutRedelivery() {
        String key = newKey();
        failures.reject(key);

        producer.send(ScriptedFailureRoutes.DIRECT_URI, exchange -> exchange.getMessage().setBody(key));

        assertThat(failures.calls(key)).isEqualTo(1);
        Map<String, Object> letter = only(KitTables.deadLetters(key));
        assertThat(letter.get("reason")).isEqualTo("NonRetryableException: Rejected " + key);
        assertThat(letter.get("exception_type")).isEqualTo(NonRetryableException.class.getName());
        assertThat(letter.get("status")).isEqualTo("NEW");
    }

    @Test
    void exhaustedMessageIsDeadLetteredAsItEnteredTheRoute() {
        String key = newKey();
        failures.failAlways(ScriptedFailureRoutes.REWRITING_PREFIX + key);

        producer.send(ScriptedFailureRoutes.REWRITING_URI, exchange -> exchange.getMessage().setBody(key));

        assertThat(failures.calls(ScriptedFailureRoutes.REWRITING_PREFIX + key)).isEqualTo(config.errors().maxRedeliveries() + 1);
        assertDeadLetteredAsSent(key);
    }

    @Test
    void rejectedMessageIsDeadLetteredAsItEnteredTheRoute() {
        String key = newKey();
        failures.reject(ScriptedFailureRoutes.REWRITING_PREFIX + key);

        producer.send(ScriptedFailureRoutes.REWRITING_URI, exchange -> exchange.getMessage().setBody(key));

        assertThat(failures.calls(ScriptedFailureRoutes.REWRITING_PREFIX + key)).isEqualTo(1);
        assertDeadLetteredAsSent(key);
    }

    @Test
    void kafkaConsumerDeadLettersAPoisonMessageAndKeepsConsuming() {
        String poison = newKey();
        String flaky = newKey();
        String healthy = newKey();
        failures.failAlways(poison);
        failures.failTimes(flaky, 2);
        // One record key, so the three messages share a partition and are consumed in this order.
        String recordKey = newKey();
        for (String body : List.of(poison, flaky, healthy)) {
            KafkaTestClient.send(ScriptedFailureRoutes.TOPIC, recordKey, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> failures.processed(healthy));
        int attempts = config.errors().maxRedeliveries() + 1;
        assertThat(failures.calls(poison)).isEqualTo(attempts);
        assertThat(failures.processed(poison)).isFalse();
        assertThat(failures.calls(flaky)).isEqualTo(3);
        assertThat(failures.processed(flaky)).isTrue();
        assertThat(failures.calls(healthy)).isEqualTo(1);

        Map<String, Object> letter = only(KitTables.deadLetters(poison));
        assertThat(letter.get("route_id")).isEqualTo(ScriptedFailureRoutes.TOPIC_ROUTE_ID);
        assertThat((String) letter.get("endpoint_uri")).startsWith("kafka://" + ScriptedFailureRoutes.TOPIC);
        assertThat(letter.get("reason")).isEqualTo("SimulatedOutageException: Peer unavailable for " + poison + " (call " + attempts + ")");
        assertThat(headers(letter)).containsEntry("kafka.KEY", recordKey);
        assertThat(KitTables.deadLetters(flaky)).isEmpty();
        assertThat(KitTables.deadLetters(healthy)).isEmpty();
    }

    /** Nothing the route did to the message before it failed is in the dead letter. */
    private static void assertDeadLetteredAsSent(String key) {
        assertThat(KitTables.deadLetters(ScriptedFailureRoutes.REWRITING_PREFIX + key)).isEmpty();
        Map<String, Object> letter = only(KitTables.deadLetters(key));
        assertThat(headers(letter)).doesNotContainKey("rewritten");
    }

    private static Map<String, String> headers(Map<String, Object> letter) {
        try {
            return ModelJson.mapper().readValue((String) letter.get("headers"), new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            throw new AssertionError("headers of dead letter " + letter.get("id") + " are not a JSON object: " + letter.get("headers"), e);
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static String newKey() {
        return "msg-" + UUID.randomUUID();
    }
}
