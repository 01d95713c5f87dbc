package io.millwright.production;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Shared steps of the production tests: releases through the ERP simulator, confirmations, event look-ups. */
final class ProductionFixtures {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(45);

    private ProductionFixtures() {
    }

    /** This service as the simulators reach it. */
    static String baseUrl() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    static String releaseCallbackUrl() {
        return baseUrl() + "/soap/erp-callback";
    }

    /** ERP creates and releases a production order of {@code quantity} FG-100; answers the ERP's view with the release outcome. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> release(int quantity) {
        return ErpSimulator.shared().createProductionOrder("FG-100", BigDecimal.valueOf(quantity), "SO-" + System.nanoTime() % 1_000_000,
                true);
    }

    static String number(Map<String, Object> erpOrder) {
        return (String) erpOrder.get("productionOrderNumber");
    }

    @SuppressWarnings("unchecked")
    static String releaseOutcome(Map<String, Object> erpOrder) {
        return (String) ((Map<String, Object>) erpOrder.get("release")).get("outcome");
    }

    static JsonPath awaitStatus(String productionOrderId, String status) {
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> given()
                .get("/api/v1/production-orders/" + productionOrderId).then().statusCode(200).body("status", equalTo(status)));
        return order(productionOrderId);
    }

    static JsonPath order(String productionOrderId) {
        return given().get("/api/v1/production-orders/" + productionOrderId).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> confirmation(String productionOrderId, String type, String operation, String material, Number quantity,
            String unit, boolean finalConfirmation) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("productionOrderId", productionOrderId);
        c.put("type", type);
        c.put("operationNumber", operation);
        c.put("materialId", material);
        c.put("quantity", Map.of("value", quantity, "unit", unit));
        c.put("operatorId", "OP-17");
        c.put("finalConfirmation", finalConfirmation);
        return c;
    }

    static boolean isEvent(ConsumerRecord<String, byte[]> record, String productionOrderId, EventType type) {
        return productionOrderId.equals(record.key()) && type.type().equals(KafkaTestClient.header(record, "ce_type"));
    }

    static List<ConsumerRecord<String, byte[]>> awaitEvents(String productionOrderId, EventType type, int count) {
        return KafkaTestClient.await(Topics.PRODUCTION_EVENTS, r -> isEvent(r, productionOrderId, type), count, FLOW_TIMEOUT);
    }

    /** Every event of one production order on the topic (reads until the topic has been quiet for a moment). */
    static List<ConsumerRecord<String, byte[]>> eventsOf(String productionOrderId, EventType type) {
        return KafkaTestClient.readAll(Topics.PRODUCTION_EVENTS, Duration.ofSeconds(2)).stream()
                .filter(r -> isEvent(r, productionOrderId, type)).toList();
    }

    /** ERP confirmation postings keyed by one of the given MES confirmation ids. */
    static List<Map<String, Object>> erpPostings(List<String> confirmationIds) {
        return ErpSimulator.shared().postings("confirmation").stream()
                .filter(p -> confirmationIds.contains(p.get("businessKey"))).toList();
    }
}
