package io.millwright.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** O1 over Kafka: poison messages end in the dead-letter store with a reason and the flow keeps going. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
@QuarkusTestResource(OrderCollaboratorsResource.class)
class CrmOrderTopicTest {

    private static final String TOPIC = "millwright.crm.orders";

    @org.junit.jupiter.api.BeforeEach
    void serviceReady() {
        OrderFixtures.awaitReady();
    }

    @Test
    void poisonMessagesGoToTheDeadLetterStoreAndTheNextOrderStillFlows() {
        String garbageKey = OrderFixtures.newCrmOrderId();
        KafkaTestClient.send(TOPIC, garbageKey, "{ this is not an order".getBytes(StandardCharsets.UTF_8), Map.of());
        String invalidId = OrderFixtures.newCrmOrderId();
        KafkaTestClient.send(TOPIC, invalidId, OrderFixtures.order("unknown-item", invalidId).getBytes(StandardCharsets.UTF_8),
                Map.of("X-Correlation-Id", "corr-" + invalidId));
        String goodId = OrderFixtures.newCrmOrderId();
        KafkaTestClient.send(TOPIC, goodId, OrderFixtures.order("valid-order", goodId).getBytes(StandardCharsets.UTF_8), Map.of());

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().queryParam("crmOrderId", goodId)
                .get("/api/v1/orders").then().statusCode(200).body("status", equalTo("CONFIRMED")));

        List<Map<String, Object>> letters = given().queryParam("routeId", "order.crm-inbound").get("/api/v1/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(letters).anySatisfy(l -> assertThat((String) l.get("reason")).contains("not a readable order"));
        assertThat(letters).anySatisfy(l -> {
            assertThat((String) l.get("reason")).contains(invalidId).contains("lines[0].itemId").contains("unknown item FG-999");
            assertThat(l.get("correlationId")).isEqualTo("corr-" + invalidId);
        });

        String invalidLetterId = letters.stream().filter(l -> ((String) l.get("reason")).contains(invalidId))
                .map(l -> (String) l.get("id")).findFirst().orElseThrow();
        JsonPath detail = given().get("/api/v1/dead-letters/" + invalidLetterId).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("payload")).contains(invalidId).contains("FG-999");
        assertThat(detail.getString("endpointUri")).startsWith("kafka://" + TOPIC);
        assertThat(detail.getString("status")).isEqualTo("NEW");

        given().delete("/api/v1/dead-letters/" + invalidLetterId).then().statusCode(200).body("status", equalTo("DISCARDED"));
        given().queryParam("crmOrderId", invalidId).get("/api/v1/orders").then().statusCode(404);
    }

    @Test
    void aCorrectedOrderWithTheSameCrmIdIsProcessedAfterItsPoisonVersionWasDeadLettered() {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        KafkaTestClient.send(TOPIC, crmOrderId, OrderFixtures.order("wrong-price", crmOrderId).getBytes(StandardCharsets.UTF_8), Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().queryParam("routeId", "order.crm-inbound")
                .get("/api/v1/dead-letters").jsonPath().getList("reason", String.class)).anyMatch(r -> r.contains(crmOrderId)));

        KafkaTestClient.send(TOPIC, crmOrderId, OrderFixtures.order("valid-order", crmOrderId).getBytes(StandardCharsets.UTF_8), Map.of());
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().queryParam("crmOrderId", crmOrderId)
                .get("/api/v1/orders").then().statusCode(200).body("status", equalTo("CONFIRMED")));
    }

    @Test
    void anOrderWithTextTheDatabaseCannotStoreIsDeadLetteredAtOnceWithTheFieldNamed() {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        String body = OrderFixtures.order("valid-order", crmOrderId).replace("\"FG-100\"", "\"FG-\\u0000100\"");
        assertThat(body).contains("\\u0000");
        KafkaTestClient.send(TOPIC, crmOrderId, body.getBytes(StandardCharsets.UTF_8), Map.of());

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("routeId", "order.crm-inbound")
                .get("/api/v1/dead-letters").jsonPath().<Map<String, Object>> getList("$").stream()
                .filter(l -> String.valueOf(l.get("reason")).contains("NUL")).filter(l -> given().get("/api/v1/dead-letters/" + l.get("id"))
                        .jsonPath().getString("payload").contains(crmOrderId)).findFirst().orElse(null), l -> l != null);
        assertThat((String) letter.get("reason")).contains("lines[0].itemId").contains("must not contain the NUL character");
        assertThat(letter.get("replayCount")).isEqualTo(0);
        given().queryParam("crmOrderId", crmOrderId).get("/api/v1/orders").then().statusCode(404);
    }
}
