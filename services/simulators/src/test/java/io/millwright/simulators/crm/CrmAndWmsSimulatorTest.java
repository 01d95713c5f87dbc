package io.millwright.simulators.crm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.webhook.WebhookSignature;
import io.millwright.simulators.HttpStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The CRM milestone webhook and the WMS of docs/contracts/plant-apps.md. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(CrmWebhookSecret.class)
class CrmAndWmsSimulatorTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @BeforeEach
    void reset() {
        given().post("/sim/crm/reset").then().statusCode(204);
        given().post("/sim/wms/reset").then().statusCode(204);
    }

    @Test
    void milestonesAreRecordedOncePerEventIdWithTheirDeliveries() {
        Map<String, Object> milestone = Map.of("eventId", "ev-1", "orderId", "o-1", "crmOrderId", "CRM-42",
                "milestone", "PRODUCTION_COMPLETED", "detail", "50 EA of FG-100 produced (PO-700001)",
                "reachedAt", "2026-11-22T11:02:00Z");
        signed(milestone).header("X-Correlation-Id", "c-1").header("traceparent", TRACEPARENT)
                .post("/crm/api/v1/order-milestones").then().statusCode(204);
        signed(milestone).header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .post("/crm/api/v1/order-milestones").then().statusCode(204);
        signed(Map.of("eventId", "ev-2"))
                .post("/crm/api/v1/order-milestones").then().statusCode(422)
                .body("errors.field", hasItems("orderId", "milestone", "reachedAt"));

        given().queryParam("crmOrderId", "CRM-42").get("/sim/crm/milestones").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].milestone", equalTo("PRODUCTION_COMPLETED"))
                .body("[0].detail", equalTo("50 EA of FG-100 produced (PO-700001)"))
                .body("[0].deliveries", equalTo(2))
                .body("[0].correlationId", equalTo("c-1"))
                .body("[0].traceparent", equalTo(TRACEPARENT));
    }

    @Test
    void badStaleMissingAndReplayedSignaturesAreRefusedRecordedAndNothingIsStored() throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("eventId", "ev-9", "orderId", "o-9", "crmOrderId", "CRM-49",
                "milestone", "SHIPPED", "reachedAt", "2026-11-22T11:02:00Z"));
        String good = WebhookSignature.sign(CrmWebhookSecret.value(), Instant.now(), UUID.randomUUID().toString(), body);

        post(WebhookSignature.sign("wrong-" + CrmWebhookSecret.value(), Instant.now(), "d-1", body), body).then().statusCode(401)
                .contentType("application/problem+json");
        post(WebhookSignature.sign(CrmWebhookSecret.value(), Instant.now().minusSeconds(600), "d-2", body), body).then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/crm/api/v1/order-milestones").then().statusCode(401);
        post(good, body.replace("SHIPPED", "DELIVERED")).then().statusCode(401);
        given().get("/sim/crm/milestones").then().body("$", hasSize(0));

        post(good, body).then().statusCode(204);
        post(good, body).then().statusCode(409);
        given().get("/sim/crm/milestones").then().body("$", hasSize(1)).body("[0].deliveries", equalTo(1));
        given().get("/sim/crm/rejections").then().statusCode(200)
                .body("verdict", org.hamcrest.Matchers.contains("INVALID", "STALE", "MISSING", "INVALID", "REPLAYED"));
    }

    private static io.restassured.response.Response post(String signature, String body) {
        return given().contentType(ContentType.JSON).header(WebhookSignature.HEADER, signature).body(body)
                .post("/crm/api/v1/order-milestones");
    }

    /** The body as JSON, signed as order-service signs it. */
    private static io.restassured.specification.RequestSpecification signed(Map<String, Object> milestone) {
        try {
            String body = new ObjectMapper().writeValueAsString(milestone);
            return given().contentType(ContentType.JSON).body(body).header(WebhookSignature.HEADER,
                    WebhookSignature.sign(CrmWebhookSecret.value(), Instant.now(), UUID.randomUUID().toString(), body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void webhookAnswers503DuringAnOutageAndRecordsNothing() {
        given().contentType(ContentType.JSON).body(Map.of("durationSeconds", 60)).post("/sim/crm/faults").then()
                .statusCode(204);
        signed(Map.of("eventId", "ev-3", "orderId", "o-3", "crmOrderId", "CRM-43",
                "milestone", "READY_TO_SHIP", "reachedAt", "2026-11-22T11:02:00Z"))
                .post("/crm/api/v1/order-milestones").then().statusCode(503);
        given().get("/sim/crm/faults").then().statusCode(200).body("refused", equalTo(1));
        given().get("/sim/crm/milestones").then().body("$", hasSize(0));
        given().delete("/sim/crm/faults").then().statusCode(204);
        given().get("/sim/crm/faults").then().statusCode(204);
    }

    @Test
    void wmsStockStatusIsIdempotentByRequestIdAndRefusedDuringAnOutage() {
        Map<String, Object> hold = Map.of("requestId", "HOLD-42:QUALITY_HOLD", "plantId", "1000", "itemId", "FG-100",
                "lotId", "L-FG100-0002", "status", "QUALITY_HOLD", "reason", "Pressure test out of tolerance");
        given().contentType(ContentType.JSON).body(hold).post("/wms/api/v1/stock-status").then().statusCode(200)
                .body("requestId", equalTo("HOLD-42:QUALITY_HOLD")).body("duplicate", equalTo(false));
        given().contentType(ContentType.JSON).body(hold).post("/wms/api/v1/stock-status").then().statusCode(200)
                .body("duplicate", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("requestId", "R-2", "status", "FROZEN"))
                .post("/wms/api/v1/stock-status").then().statusCode(422)
                .body("errors.field", hasItems("plantId", "itemId", "status"));
        given().get("/sim/wms/stock-status-requests").then().body("$", hasSize(1))
                .body("[0].deliveries", equalTo(2)).body("[0].payload.lotId", equalTo("L-FG100-0002"));

        given().contentType(ContentType.JSON).body(Map.of()).post("/sim/wms/faults").then().statusCode(204);
        given().contentType(ContentType.JSON).body(hold).post("/wms/api/v1/stock-status").then().statusCode(503);
    }

    @Test
    void wmsReceiptIsPostedToInventoryServiceAndRecorded() throws Exception {
        try (HttpStub inventoryService = HttpStub.start()) {
            inventoryService.answer(request -> HttpStub.Answer.of(202));
            given().contentType(ContentType.JSON).body(Map.of("inventoryServiceBaseUrl", inventoryService.baseUrl()))
                    .post("/sim/wms/settings").then().statusCode(200);
            String receiptId = given().contentType(ContentType.JSON)
                    .body(Map.of("plantId", "1000", "itemId", "RM-300", "lotId", "L-RM300-0107", "locationId", "RM01",
                            "quantity", Map.of("value", 250, "unit", "KG")))
                    .post("/sim/wms/receipts").then().statusCode(200).body("status", equalTo(202))
                    .extract().path("receiptId");
            assertThat(receiptId).matches("WMS-R-\\d{6}");
            assertThat(inventoryService.received()).singleElement().satisfies(receipt -> {
                assertThat(receipt.path()).isEqualTo("/api/v1/wms/receipts");
                assertThat(receipt.body()).contains(receiptId, "receivedAt", "L-RM300-0107");
            });
            given().get("/sim/wms/receipts").then().body("$", hasSize(1)).body("[0].status", equalTo(202));
        }
    }
}
