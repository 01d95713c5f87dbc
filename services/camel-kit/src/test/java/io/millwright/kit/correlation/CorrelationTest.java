package io.millwright.kit.correlation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testapp.OrderConfirmationRoute;
import io.millwright.kit.testapp.OrderProgress;
import io.millwright.kit.testapp.ScriptedFailureRoutes;
import io.millwright.kit.testapp.ScriptedFailures;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.event.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** One correlation id follows a request or message into its events and dead letters. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class CorrelationTest {

    /** Remove with the kit fix: CorrelationProcessor keeps the id in an exchange property that DeadLetterStore reads. */
    private static final String EXHAUSTED_MESSAGE_LOSES_CORRELATION = "Kit bug: a message that exhausted its redeliveries is stored as it"
            + " entered the route (useOriginalMessage), before CorrelationProcessor set X-Correlation-Id, and DeadLetterStore reads"
            + " only that header: its correlation id is lost";

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    ScriptedFailures failures;

    @Inject
    ProducerTemplate producer;

    @Inject
    OrderProgress progress;

    @Test
    void incomingRestCorrelationIdIsEchoedAndTravelsWithTheEvent() {
        String orderId = newOrderId();
        String correlationId = "corr-" + orderId;

        given().header(Correlation.HTTP_HEADER, correlationId).post("/kit-test/orders/" + orderId + "/confirmation")
                .then().statusCode(200)
                .header(Correlation.HTTP_HEADER, correlationId);

        assertThat(KitTables.outboxEvents(orderId)).singleElement()
                .satisfies(row -> assertThat(row.get("correlation_id")).isEqualTo(correlationId));
        ConsumerRecord<String, byte[]> event = KafkaTestClient.await(Topics.ORDER_EVENTS, r -> orderId.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(KafkaTestClient.header(event, Correlation.KAFKA_HEADER)).isEqualTo(correlationId);
    }

    @Test
    void restRequestWithoutCorrelationIdGetsAGeneratedOne() {
        String orderId = newOrderId();

        Response response = given().post("/kit-test/orders/" + orderId + "/confirmation");

        response.then().statusCode(200);
        String generated = response.header(Correlation.HTTP_HEADER);
        assertThat(generated).matches(UUID_PATTERN);
        assertThat(KitTables.outboxEvents(orderId)).singleElement()
                .satisfies(row -> assertThat(row.get("correlation_id")).isEqualTo(generated));
    }

    @Test
    void kafkaCorrelationIdIsAdoptedByTheRouteAndTravelsWithTheEvent() {
        String orderId = newOrderId();
        String correlationId = "corr-" + orderId;

        KafkaTestClient.send(OrderConfirmationRoute.TOPIC, orderId, orderId.getBytes(StandardCharsets.UTF_8),
                Map.of(Correlation.KAFKA_HEADER, correlationId));

        List<Map<String, Object>> rows = await().atMost(Duration.ofSeconds(60))
                .until(() -> KitTables.outboxEvents(orderId), events -> !events.isEmpty());
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("correlation_id")).isEqualTo(correlationId));
    }

    @Test
    void kafkaCorrelationIdEndsUpInTheDeadLetterOfARejectedMessage() {
        String key = "msg-" + UUID.randomUUID();
        failures.reject(key);
        assertKafkaCorrelationIdInDeadLetter(key);
    }

    @Test
    void kafkaCorrelationIdEndsUpInTheDeadLetterOfAnExhaustedMessage() {
        String key = "msg-" + UUID.randomUUID();
        failures.failAlways(key);
        assertKafkaCorrelationIdInDeadLetter(key);
    }

    @Test
    void rejectedMessageWithoutCorrelationIdIsDeadLetteredUnderTheIdTheRouteGaveIt() {
        String key = "msg-" + UUID.randomUUID();
        failures.reject(key);
        assertDeadLetteredUnderGeneratedId(key);
    }

    @Test
    void exhaustedMessageWithoutCorrelationIdIsDeadLetteredUnderTheIdTheRouteGaveIt() {
        String key = "msg-" + UUID.randomUUID();
        failures.failAlways(key);
        assertDeadLetteredUnderGeneratedId(key);
    }

    @Test
    void workOnTheThreadAfterARouteFinishedIsNotAttributedToItsMessage() {
        String key = "msg-" + UUID.randomUUID();
        producer.send(ScriptedFailureRoutes.DIRECT_URI, exchange -> {
            exchange.getMessage().setBody(key);
            exchange.getMessage().setHeader(Correlation.HTTP_HEADER, "corr-" + key);
        });
        assertThat(failures.processed(key)).isTrue();

        String orderId = newOrderId();
        progress.confirm(orderId, false);

        assertThat(KitTables.outboxEvents(orderId)).singleElement()
                .satisfies(row -> assertThat(row.get("correlation_id")).isNull());
    }

    private static void assertKafkaCorrelationIdInDeadLetter(String key) {
        KafkaTestClient.send(ScriptedFailureRoutes.TOPIC, key, key.getBytes(StandardCharsets.UTF_8),
                Map.of(Correlation.KAFKA_HEADER, "corr-" + key));

        List<Map<String, Object>> letters = await().atMost(Duration.ofSeconds(60))
                .until(() -> KitTables.deadLetters(key), rows -> !rows.isEmpty());
        assertThat(letters).singleElement().satisfies(row -> assertThat(row.get("correlation_id")).isEqualTo("corr-" + key));
    }

    private void assertDeadLetteredUnderGeneratedId(String key) {
        producer.send(ScriptedFailureRoutes.DIRECT_URI, exchange -> exchange.getMessage().setBody(key));

        assertThat(KitTables.deadLetters(key)).singleElement()
                .satisfies(row -> assertThat((String) row.get("correlation_id")).matches(UUID_PATTERN));
    }

    private static String newOrderId() {
        return "ORD-" + UUID.randomUUID();
    }
}
