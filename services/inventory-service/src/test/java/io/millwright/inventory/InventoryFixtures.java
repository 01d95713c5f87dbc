package io.millwright.inventory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.millwright.kit.testing.Management;

/** Events, receipts and look-ups shared by the inventory tests. */
final class InventoryFixtures {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(40);

    private InventoryFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Items (with opening balances) are replicated from ERP before the service is ready. */
    static void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).until(() -> Management.given().get("/q/health/ready").statusCode() == 200);
    }

    static String serviceBaseUrl() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    /** Publishes an event the way another service's outbox does (CloudEvents binary mode). */
    static void publish(EventType type, String source, String eventId, String subject, Object data) {
        CloudEvent event = DomainEvents.toCloudEvent(type, DomainEvents.source(source), eventId, subject, data, Instant.now(),
                "corr-" + eventId, null);
        KafkaTestClient.publish(event);
    }

    static Map<String, Object> receipt(String receiptId, String itemId, String lotId, String locationId, String quantity, String unit) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("receiptId", receiptId);
        receipt.put("plantId", "1000");
        receipt.put("itemId", itemId);
        receipt.put("lotId", lotId);
        receipt.put("locationId", locationId);
        receipt.put("quantity", Map.of("value", new BigDecimal(quantity), "unit", unit));
        receipt.put("receivedAt", "2026-11-22T09:00:00Z");
        return receipt;
    }

    /** Books a receipt through the REST API and waits until ERP has it. */
    static String receiveAndPost(String itemId, String lotId, String locationId, String quantity, String unit) {
        String receiptId = unique("WMS-R");
        given().contentType(ContentType.JSON).body(receipt(receiptId, itemId, lotId, locationId, quantity, unit))
                .post("/api/v1/wms/receipts").then().statusCode(202);
        awaitErpState("WR-" + receiptId, "POSTED");
        return "WR-" + receiptId;
    }

    static JsonPath awaitErpState(String movementId, String state) {
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> given()
                .get("/api/v1/movements/" + movementId).then().statusCode(200).body("erp.state", org.hamcrest.Matchers.equalTo(state)));
        return given().get("/api/v1/movements/" + movementId).jsonPath();
    }

    /** Quantity of one balance (0 when there is no such row). */
    static BigDecimal balance(String itemId, String lotId, String locationId, String status) {
        List<Map<String, Object>> rows = given().queryParam("item", itemId).queryParam("lot", lotId).queryParam("location", locationId)
                .queryParam("status", status).queryParam("includeZero", true)
                .get("/api/v1/balances").then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().map(r -> new BigDecimal(((Map<?, ?>) r.get("quantity")).get("value").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static boolean isEvent(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, EventType type, String contains) {
        return type.type().equals(KafkaTestClient.header(record, "ce_type")) && record.value() != null
                && new String(record.value(), StandardCharsets.UTF_8).contains(contains);
    }
}
