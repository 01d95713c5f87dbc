package io.millwright.simulators.mes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.PostgresResource;
import io.millwright.simulators.HttpStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The MES of docs/contracts/plant-apps.md: dispatch, acknowledgement, confirmations, outage. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class MesSimulatorTest {

    HttpStub productionService;

    @BeforeEach
    void setUp() throws Exception {
        given().post("/sim/mes/reset").then().statusCode(204);
        productionService = HttpStub.start();
    }

    @AfterEach
    void tearDown() {
        productionService.close();
    }

    @Test
    void dispatchIsValidatedAndIdempotentByProductionOrder() {
        given().contentType(ContentType.JSON).body(Map.of("productionOrderId", "PO-1", "quantity", Map.of("value", 0)))
                .post("/mes/api/v1/work-orders").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("plantId", "itemId", "quantity.value", "quantity.unit", "operations"));

        configure(false, 0);
        given().contentType(ContentType.JSON).header("X-Correlation-Id", "corr-1").body(workOrder("PO-2"))
                .post("/mes/api/v1/work-orders").then().statusCode(201)
                .body("mesWorkOrderId", equalTo("WO-PO-2")).body("status", equalTo("RECEIVED"));
        given().contentType(ContentType.JSON).body(workOrder("PO-2"))
                .post("/mes/api/v1/work-orders").then().statusCode(200)
                .body("mesWorkOrderId", equalTo("WO-PO-2"));

        given().get("/sim/mes/work-orders").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].dispatchCount", equalTo(2))
                .body("[0].correlationId", equalTo("corr-1"))
                .body("[0].payload.itemId", equalTo("FG-100"))
                .body("[0].payload.operations[0].resourceId", equalTo("RES-CNC-01"));
        assertThat(productionService.received()).isEmpty();
    }

    @Test
    void dispatchIsRefusedDuringAnOutage() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/sim/mes/faults").then().statusCode(204);
        given().contentType(ContentType.JSON).body(workOrder("PO-3"))
                .post("/mes/api/v1/work-orders").then().statusCode(503);
        given().delete("/sim/mes/faults").then().statusCode(204);
        given().contentType(ContentType.JSON).body(workOrder("PO-3"))
                .post("/mes/api/v1/work-orders").then().statusCode(201);
    }

    @Test
    void newWorkOrderIsAcknowledgedAfterTheDelayAndRetriedUntilProductionServiceAccepts() {
        // the first attempt fails, the retry succeeds
        productionService.answer(request -> HttpStub.Answer.of(productionService.received().size() == 1 ? 503 : 204));
        configure(true, 100);
        given().contentType(ContentType.JSON).body(workOrder("PO-4"))
                .post("/mes/api/v1/work-orders").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/sim/mes/work-orders/PO-4").then()
                .body("status", equalTo("ACKNOWLEDGED")).body("ackAttempts", equalTo(2)));
        assertThat(productionService.received()).hasSize(2).allSatisfy(ack -> {
            assertThat(ack.path()).isEqualTo("/api/v1/mes/acknowledgements");
            assertThat(ack.body()).contains("\"productionOrderId\":\"PO-4\"", "\"mesWorkOrderId\":\"WO-PO-4\"",
                    "acknowledgedAt");
        });

        // on command as well
        productionService.answer(request -> HttpStub.Answer.of(404));
        given().post("/sim/mes/work-orders/PO-4/acknowledge").then().statusCode(200).body("status", equalTo(404));
        given().post("/sim/mes/work-orders/PO-unknown/acknowledge").then().statusCode(404);
    }

    @Test
    void confirmationsAreSentWithDefaultsRecordedAndResentInReverse() {
        configure(false, 0);
        productionService.answer(request -> {
            String id = request.body().replaceAll(".*\"confirmationId\":\"([^\"]+)\".*", "$1");
            boolean repeated = productionService.received().stream()
                    .filter(r -> r.body().contains("\"confirmationId\":\"" + id + "\"")).count() > 1;
            return new HttpStub.Answer(202, null, null,
                    repeated ? Map.of("X-Millwright-Duplicate", "true") : Map.of());
        });
        String first = given().contentType(ContentType.JSON)
                .body(Map.of("productionOrderId", "PO-5", "type", "YIELD", "operationNumber", "0010",
                        "quantity", Map.of("value", 5, "unit", "EA"), "finalConfirmation", false))
                .post("/sim/mes/confirmations").then().statusCode(200)
                .body("status", equalTo(202)).body("duplicate", equalTo(false))
                .body("payload.mesWorkOrderId", equalTo("WO-PO-5"))
                .extract().path("confirmationId");
        assertThat(first).matches("MES-C-\\d{6}");
        given().contentType(ContentType.JSON)
                .body(Map.of("confirmationId", "MES-C-X2", "productionOrderId", "PO-5", "type", "SCRAP"))
                .post("/sim/mes/confirmations").then().statusCode(200).body("status", equalTo(202));

        given().contentType(ContentType.JSON)
                .body(Map.of("confirmationIds", List.of(first, "MES-C-X2"), "times", 2, "reverseOrder", true))
                .post("/sim/mes/confirmations/resend").then().statusCode(200)
                .body("confirmationId", equalTo(List.of("MES-C-X2", first, "MES-C-X2", first)))
                .body("duplicate", equalTo(List.of(true, true, true, true)));

        assertThat(productionService.received()).hasSize(6)
                .allSatisfy(sent -> assertThat(sent.path()).isEqualTo("/api/v1/mes/confirmations"));
        assertThat(productionService.received().get(0).body()).contains("recordedAt", first);
        given().get("/sim/mes/confirmations").then().body("$", hasSize(6));
        given().contentType(ContentType.JSON).body(Map.of("confirmationIds", List.of("MES-C-NONE")))
                .post("/sim/mes/confirmations/resend").then().statusCode(400);
    }

    private void configure(boolean autoAcknowledge, long ackDelayMs) {
        given().contentType(ContentType.JSON)
                .body(Map.of("productionServiceBaseUrl", productionService.baseUrl(), "autoAcknowledge",
                        autoAcknowledge, "ackDelayMs", ackDelayMs))
                .post("/sim/mes/settings").then().statusCode(200)
                .body("productionServiceBaseUrl", equalTo(productionService.baseUrl()));
    }

    static Map<String, Object> workOrder(String productionOrderId) {
        return Map.of(
                "productionOrderId", productionOrderId,
                "plantId", "1000",
                "itemId", "FG-100",
                "quantity", Map.of("value", 50, "unit", "EA"),
                "lotId", "L-FG100-0002",
                "salesOrderId", "SO-100001",
                "operations", List.of(Map.of("sequence", 1, "operationNumber", "0010", "workCenterId", "WC-CNC",
                        "resourceId", "RES-CNC-01", "plannedQuantity", Map.of("value", 50, "unit", "EA"))),
                "components", List.of(Map.of("position", 1, "itemId", "SF-150", "operationNumber", "0010",
                        "quantity", Map.of("value", 50, "unit", "EA"))));
    }
}
