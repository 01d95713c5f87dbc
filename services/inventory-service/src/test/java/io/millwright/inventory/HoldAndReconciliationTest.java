package io.millwright.inventory;

import static io.millwright.inventory.InventoryFixtures.FLOW_TIMEOUT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.model.security.Roles;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.kit.testing.WmsSimulator;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.inventory.InventoryVarianceDetected;
import io.millwright.model.inventory.StockStatus;
import io.millwright.model.inventory.StockStatusChanged;
import io.millwright.model.quality.HoldCause;
import io.millwright.model.quality.HoldStatus;
import io.millwright.model.quality.QualityHold;
import io.millwright.model.quality.QualityHoldPlaced;
import io.millwright.model.quality.QualityHoldReleased;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.millwright.kit.testing.Management;
import io.millwright.kit.testing.TestTokens;

/** I3 (holds and releases in ERP and the WMS) and I4 (reconciliation against ERP), on the same infrastructure as the flow tests. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
@QuarkusTestResource(WmsResource.class)
class HoldAndReconciliationTest {

    @BeforeEach
    void ready() {
        InventoryFixtures.awaitReady();
    }

    @AfterEach
    void backToNormal() {
        ErpSimulator.shared().clearFaults();
        WmsSimulator.shared().clearFaults();
    }

    @Test
    void restHoldAndReleaseMoveStockAndReachErpAndWmsOnceEach() {
        String lot = InventoryFixtures.unique("L-FG100");
        String holdId = InventoryFixtures.unique("HOLD");
        InventoryFixtures.receiveAndPost("FG-100", lot, "FG01", "12", "EA");
        String body = """
                {"holdId": "%s", "itemId": "FG-100", "lotId": "%s", "reason": "Pressure test out of tolerance"}""".formatted(holdId, lot);

        given().contentType(ContentType.JSON).body(body).post("/api/v1/holds").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("lots[0].heldQuantity.value", equalTo(12));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/holds").then().statusCode(200)
                .header("X-Millwright-Duplicate", "true");
        assertThat(InventoryFixtures.balance("FG-100", lot, "FG01", "UNRESTRICTED")).isEqualByComparingTo("0");
        assertThat(InventoryFixtures.balance("FG-100", lot, "FG01", "QUALITY_HOLD")).isEqualByComparingTo("12");
        awaitReflected(holdId + ":QUALITY_HOLD", lot, "QUALITY_HOLD");
        assertThat(Management.given().get("/q/metrics").asString()).containsPattern("millwright_inventory_lots_on_hold(\\{[^}]*\\})? [1-9]");
        ConsumerRecord<String, byte[]> held = KafkaTestClient.await(Topics.INVENTORY_EVENTS,
                r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_STOCK_STATUS_CHANGED, holdId), 1, FLOW_TIMEOUT).get(0);
        StockStatusChanged heldData = DomainEvents.data(DomainEvents.fromConsumerRecord(held), StockStatusChanged.class);
        assertThat(heldData.newStatus()).isEqualTo(StockStatus.QUALITY_HOLD);
        assertThat(heldData.quantity()).isEqualTo(Quantity.of(12, "EA"));

        given().contentType(ContentType.JSON).body("{\"reason\": \"Retest passed\"}").post("/api/v1/holds/" + holdId + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED"));
        given().contentType(ContentType.JSON).post("/api/v1/holds/" + holdId + "/release").then().statusCode(200)
                .header("X-Millwright-Duplicate", "true");
        assertThat(InventoryFixtures.balance("FG-100", lot, "FG01", "UNRESTRICTED")).isEqualByComparingTo("12");
        assertThat(InventoryFixtures.balance("FG-100", lot, "FG01", "QUALITY_HOLD")).isEqualByComparingTo("0");
        awaitReflected(holdId + ":UNRESTRICTED", lot, "UNRESTRICTED");
        KafkaTestClient.await(Topics.INVENTORY_EVENTS, r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_STOCK_STATUS_CHANGED, holdId)
                && r.value() != null && new String(r.value()).contains("\"newStatus\":\"UNRESTRICTED\""), 1, FLOW_TIMEOUT);
        given().get("/api/v1/holds/" + holdId).then().statusCode(200).body("sync.state", org.hamcrest.Matchers.everyItem(equalTo("DONE")));
        // the placement and the release are on the audit trail once each (the repeats changed nothing)
        given().queryParam("subject", holdId).get("/api/v1/operator-actions").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("HOLD_RELEASE", "HOLD_PLACE"))
                .body("actor", org.hamcrest.Matchers.everyItem(equalTo("test-caller")))
                .body("[1].detail", org.hamcrest.Matchers.containsString("Pressure test out of tolerance"));

        // the lot's journey: the WMS receipt and its ERP posting, the hold and its release, each set in the ERP and the WMS
        io.restassured.path.json.JsonPath journey = given().queryParam("kind", "lot").queryParam("id", lot).get("/api/v1/journey")
                .then().statusCode(200).extract().jsonPath();
        assertThat(journey.getList("steps.step", String.class)).containsSubsequence("WAREHOUSE_RECEIPT", "MOVEMENT_POSTED", "LOT_HELD")
                .contains("LOT_RELEASED", "STOCK_STATUS_DONE");
        assertThat(journey.getList("steps.findAll { it.step == 'STOCK_STATUS_DONE' }.system", String.class))
                .containsExactlyInAnyOrder("ERP", "WMS", "ERP", "WMS");
        assertThat(journey.getString("steps.find { it.step == 'MOVEMENT_POSTED' }.system")).isEqualTo("ERP");
        assertThat(journey.getList("steps.subject.id", String.class)).containsOnly(lot);
        assertThat(journey.getList("steps.outcome", String.class)).containsOnly("DONE");
        String trace = journey.getString("steps.find { it.step == 'WAREHOUSE_RECEIPT' }.traceId");
        assertThat(given().queryParam("kind", "trace").queryParam("id", trace).get("/api/v1/journey").then().statusCode(200)
                .extract().jsonPath().getList("steps.step", String.class)).contains("WAREHOUSE_RECEIPT", "MOVEMENT_POSTED");
    }

    @Test
    void aHoldByAnOperatorIsAuditedWithTheOperatorAndAViewerMayNotPlaceOne() {
        String lot = InventoryFixtures.unique("L-FG100");
        String holdId = InventoryFixtures.unique("HOLD");
        InventoryFixtures.receiveAndPost("FG-100", lot, "FG01", "3", "EA");
        String body = """
                {"holdId": "%s", "itemId": "FG-100", "lotId": "%s", "reason": "Visual defect"}""".formatted(holdId, lot);

        given().auth().oauth2(TestTokens.of("victor", Roles.VIEWER)).contentType(ContentType.JSON).body(body).post("/api/v1/holds")
                .then().statusCode(403);
        given().queryParam("subject", holdId).get("/api/v1/operator-actions").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());
        given().auth().oauth2(TestTokens.of("olga", Roles.OPERATOR)).contentType(ContentType.JSON).body(body).post("/api/v1/holds")
                .then().statusCode(201);
        given().queryParam("subject", holdId).get("/api/v1/operator-actions").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("HOLD_PLACE"))
                .body("[0].actor", equalTo("olga"));
        given().auth().oauth2(TestTokens.of("olga", Roles.OPERATOR)).contentType(ContentType.JSON).post("/api/v1/holds/" + holdId + "/release")
                .then().statusCode(200);
    }

    @Test
    void holdOfAnUnknownLotIs404() {
        given().contentType(ContentType.JSON).body("""
                {"holdId": "%s", "itemId": "FG-100", "lotId": "L-NEVER-SEEN", "reason": "test"}""".formatted(InventoryFixtures.unique("HOLD")))
                .post("/api/v1/holds").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"itemId\": \"FG-100\"}").post("/api/v1/holds").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("holdId", "lotId", "reason"));
        given().contentType(ContentType.JSON).post("/api/v1/holds/NO-SUCH-HOLD/release").then().statusCode(404);
    }

    @Test
    void holdsWithTextTheDatabaseCannotStoreAreRefusedNamingTheField() {
        String holdId = InventoryFixtures.unique("HOLD");
        given().contentType(ContentType.JSON).body("""
                {"holdId": "%s", "itemId": "FG-100", "lotId": "L-1", "reason": "burr\\u0000"}""".formatted(holdId))
                .post("/api/v1/holds").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("reason")).body("errors.message", hasItem("must not contain the NUL character (U+0000)"));
        given().get("/api/v1/holds/" + holdId).then().statusCode(404);
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).post("/api/v1/holds/H%00/release").then().statusCode(400)
                .body("errors.field", hasItem("holdId"));
    }

    @Test
    void aQualityEventWithTextTheDatabaseCannotStoreIsDeadLetteredAtOnce() {
        String holdId = InventoryFixtures.unique("QH");
        QualityHold hold = new QualityHold(holdId, "1000", List.of("L-1"), HoldCause.QUALITY_RESULT_FAILED, "Bore\u0000diameter",
                null, null, null, "QR-1", null, HoldStatus.ACTIVE, Instant.now(), null);
        InventoryFixtures.publish(EventType.QUALITY_HOLD_PLACED, "quality-service", "evt-" + holdId, holdId, new QualityHoldPlaced(hold));

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(given().queryParam("routeId", "inventory.quality-holds")
                .get("/api/v1/dead-letters").jsonPath().<Map<String, Object>> getList("$"))
                .anySatisfy(letter -> {
                    assertThat((String) letter.get("reason")).contains("must not contain the NUL character");
                    assertThat(letter.get("correlationId")).isEqualTo("corr-evt-" + holdId);
                }));
        given().get("/api/v1/holds/" + holdId).then().statusCode(404);
    }

    @Test
    void qualityHoldEventsHoldAndReleaseTheLot() {
        String lot = InventoryFixtures.unique("L-SF150");
        String holdId = InventoryFixtures.unique("QH");
        InventoryFixtures.receiveAndPost("SF-150", lot, "WIP1", "30", "EA");
        QualityHold hold = new QualityHold(holdId, "1000", List.of(lot), HoldCause.QUALITY_RESULT_FAILED, "Bore diameter out of tolerance",
                null, null, null, "QR-1", null, HoldStatus.ACTIVE, Instant.now(), null);
        for (int i = 0; i < 2; i++) {
            InventoryFixtures.publish(EventType.QUALITY_HOLD_PLACED, "quality-service", "evt-" + holdId, holdId, new QualityHoldPlaced(hold));
        }
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> given().get("/api/v1/holds/" + holdId).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("source", equalTo("EVENT")));
        assertThat(InventoryFixtures.balance("SF-150", lot, "WIP1", "QUALITY_HOLD")).isEqualByComparingTo("30");
        awaitReflected(holdId + ":QUALITY_HOLD", lot, "QUALITY_HOLD");

        InventoryFixtures.publish(EventType.QUALITY_HOLD_RELEASED, "quality-service", "rel-" + holdId, holdId,
                new QualityHoldReleased(holdId, "1000", List.of(lot), "QR-2", "Retest passed", Instant.now()));
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> given().get("/api/v1/holds/" + holdId).then().body("status", equalTo("RELEASED")));
        assertThat(InventoryFixtures.balance("SF-150", lot, "WIP1", "UNRESTRICTED")).isEqualByComparingTo("30");
        awaitReflected(holdId + ":UNRESTRICTED", lot, "UNRESTRICTED");
    }

    @Test
    void reconciliationReportsAnErpVarianceButNotStockInFlight() {
        String lot = InventoryFixtures.unique("L-RM300");
        InventoryFixtures.receiveAndPost("RM-300", lot, "RM01", "40", "KG");

        JsonPath agreeing = runReconciliation();
        assertThat(agreeing.getString("status")).isEqualTo("COMPLETED");
        given().queryParam("subject", agreeing.getString("runId")).get("/api/v1/operator-actions").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("RECONCILIATION_RUN"));
        assertThat(agreeing.getInt("positionsCompared")).isGreaterThan(5);
        assertThat(agreeing.getList("variances")).as("balances agree with ERP").isEmpty();

        // A receipt ERP has not got yet is in flight, not a variance
        ErpSimulator.shared().injectFault("UNAVAILABLE", null, null, "PostGoodsMovement");
        String pendingLot = InventoryFixtures.unique("L-RM300");
        given().contentType(ContentType.JSON).body(InventoryFixtures.receipt(InventoryFixtures.unique("WMS-R"), "RM-300", pendingLot, "RM01", "9", "KG"))
                .post("/api/v1/wms/receipts").then().statusCode(202);
        JsonPath inFlight = runReconciliation();
        assertThat(inFlight.getList("variances")).isEmpty();
        assertThat(inFlight.getInt("positionsSkipped")).isGreaterThanOrEqualTo(1);
        ErpSimulator.shared().clearFaults();

        ErpSimulator.shared().setStock("RM-300", "1000", "RM01", lot, "UNRESTRICTED", new BigDecimal("35"));
        try {
            JsonPath found = runReconciliation();
            String runId = found.getString("runId");
            assertThat(found.getInt("varianceCount")).isEqualTo(1);
            assertThat(found.getString("variances[0].lotId")).isEqualTo(lot);
            assertThat(found.getDouble("variances[0].variance.value")).isEqualTo(-5.0);
            given().get("/api/v1/reconciliations/latest").then().statusCode(200).body("runId", equalTo(runId))
                    .body("variances[0].millwrightQuantity.value", equalTo(40)).body("variances[0].erpQuantity.value", equalTo(35));

            ConsumerRecord<String, byte[]> event = KafkaTestClient.await(Topics.INVENTORY_EVENTS,
                    r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_VARIANCE_DETECTED, runId), 1, FLOW_TIMEOUT).get(0);
            InventoryVarianceDetected variance = DomainEvents.data(DomainEvents.fromConsumerRecord(event), InventoryVarianceDetected.class);
            assertThat(variance.reconciliationRunId()).isEqualTo(runId);
            assertThat(variance.itemId()).isEqualTo("RM-300");
            assertThat(variance.lotId()).isEqualTo(lot);
            assertThat(variance.locationId()).isEqualTo("RM01");
            assertThat(variance.status()).isEqualTo(StockStatus.UNRESTRICTED);
            assertThat(variance.millwrightQuantity()).isEqualTo(Quantity.of(40, "KG"));
            assertThat(variance.erpQuantity()).isEqualTo(Quantity.of(35, "KG"));
            assertThat(variance.variance()).isEqualTo(Quantity.of(-5, "KG"));
            assertThat(Management.given().get("/q/metrics").asString()).containsPattern("millwright_inventory_reconciliation_variances(\\{[^}]*\\})? 1\\.0");
        } finally {
            ErpSimulator.shared().setStock("RM-300", "1000", "RM01", lot, "UNRESTRICTED", new BigDecimal("40"));
        }
    }

    private static JsonPath runReconciliation() {
        return given().post("/api/v1/reconciliations").then().statusCode(200).extract().jsonPath();
    }

    /** ERP got SetStockStatus once with this posting id and holds the lot in that status; the WMS got the request once. */
    private static void awaitReflected(String requestId, String lot, String status) {
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            assertThat(ErpSimulator.shared().postings("stock-status")).filteredOn(p -> requestId.equals(p.get("businessKey"))).hasSize(1);
            assertThat(WmsSimulator.shared().stockStatusRequests()).filteredOn(r -> requestId.equals(r.get("requestId"))).singleElement()
                    .satisfies(r -> {
                        assertThat(((Number) r.get("deliveries")).intValue()).isEqualTo(1);
                        assertThat((Map<String, Object>) r.get("payload")).containsEntry("lotId", lot).containsEntry("status", status);
                    });
        });
        assertThat(ErpSimulator.shared().stock()).filteredOn(b -> lot.equals(b.get("lot"))).allSatisfy(b -> assertThat(b.get("status")).isEqualTo(status));
        assertThat(ErpSimulator.shared().calls("SetStockStatus")).filteredOn(c -> requestId.equals(c.get("businessKey"))).hasSize(1);
    }
}
