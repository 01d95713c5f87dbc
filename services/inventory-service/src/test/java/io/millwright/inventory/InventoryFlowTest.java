package io.millwright.inventory;

import static io.millwright.inventory.InventoryFixtures.FLOW_TIMEOUT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import io.millwright.model.inventory.InventoryBalanceChanged;
import io.millwright.model.inventory.InventoryMovementPosted;
import io.millwright.model.inventory.MovementType;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.ProductionConfirmation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.millwright.kit.testing.Management;

/** I1, I2 against real Kafka, PostgreSQL, the ERP simulator over SOAP and the WMS simulator. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
@QuarkusTestResource(WmsResource.class)
class InventoryFlowTest {

    @BeforeEach
    void ready() {
        InventoryFixtures.awaitReady();
    }

    @AfterEach
    void erpBackToNormal() {
        ErpSimulator.shared().clearFaults();
    }

    @Test
    void availabilityCountsUnrestrictedStockOnly() {
        // ERP seed, loaded as opening balances: FG-200 has 20 EA unrestricted and 15 EA on quality hold
        given().queryParam("item", "FG-200").queryParam("qty", "5").get("/api/v1/availability").then().statusCode(200)
                .body("itemId", equalTo("FG-200"))
                .body("plantId", equalTo("1000"))
                .body("requestedQuantity.value", equalTo(5))
                .body("requestedQuantity.unit", equalTo("EA"))
                .body("availableQuantity.value", equalTo(20))
                .body("availableQuantity.unit", equalTo("EA"))
                .body("available", equalTo(true))
                .body("asOf", org.hamcrest.Matchers.notNullValue());
        given().queryParam("item", "FG-200").queryParam("qty", "21").queryParam("plant", "1000").get("/api/v1/availability").then()
                .statusCode(200).body("available", equalTo(false)).body("availableQuantity.value", equalTo(20));
        assertThat(InventoryFixtures.balance("FG-200", "L-FG200-0002", "FG01", "QUALITY_HOLD")).isEqualByComparingTo("15");
    }

    @Test
    void availabilityOfAnUnknownItemIs404AndABadQuantity422() {
        given().queryParam("item", "NO-SUCH-ITEM").queryParam("qty", "1").get("/api/v1/availability").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().queryParam("item", "FG-100").queryParam("qty", "0").get("/api/v1/availability").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("qty"));
        given().queryParam("item", "FG-100").queryParam("qty", "-3").get("/api/v1/availability").then().statusCode(422)
                .body("errors.field", hasItem("qty"));
        given().queryParam("item", "FG-100").get("/api/v1/availability").then().statusCode(422)
                .body("errors[0].field", equalTo("qty")).body("errors[0].message", equalTo("is required"));
        given().queryParam("item", "FG-100").queryParam("qty", "many").get("/api/v1/availability").then().statusCode(422)
                .body("errors[0].message", equalTo("must be a number"));
    }

    @Test
    void confirmationsBecomeOneMovementAndOneErpPostingEachEvenWhenResentAndReplayed() {
        String completionId = InventoryFixtures.unique("MES-C");
        String consumptionId = InventoryFixtures.unique("MES-C");
        String lot = InventoryFixtures.unique("L-FG100");
        BigDecimal componentsBefore = InventoryFixtures.balance("RM-310", "L-RM310-0001", "RM01", "UNRESTRICTED");
        ConfirmationPosted completion = posted(completionId, ConfirmationKind.COMPLETION, "FG-100", lot, Quantity.of(7, "EA"));
        ConfirmationPosted consumption = posted(consumptionId, ConfirmationKind.CONSUMPTION, "RM-310", "L-RM310-0001", Quantity.of(3, "EA"));
        ConfirmationPosted scrap = posted(InventoryFixtures.unique("MES-C"), ConfirmationKind.SCRAP, "FG-100", lot, Quantity.of(1, "EA"));

        for (int i = 0; i < 3; i++) {
            InventoryFixtures.publish(EventType.PRODUCTION_CONFIRMATION_POSTED, "production-service", "evt-" + completionId, "PO-700001", completion);
            InventoryFixtures.publish(EventType.PRODUCTION_CONFIRMATION_POSTED, "production-service", "evt-" + consumptionId, "PO-700001", consumption);
        }
        InventoryFixtures.publish(EventType.PRODUCTION_CONFIRMATION_POSTED, "production-service", "evt-" + scrap.confirmation().confirmationId(),
                "PO-700001", scrap);
        InventoryFixtures.awaitErpState("PR-" + completionId, "POSTED");
        InventoryFixtures.awaitErpState("PI-" + consumptionId, "POSTED");
        // The same confirmations again under other event ids (a replay from another path), then a marker on the same key:
        // once the marker is booked, the replays before it have been consumed.
        InventoryFixtures.publish(EventType.PRODUCTION_CONFIRMATION_POSTED, "production-service", "replay-" + completionId, "PO-700001", completion);
        InventoryFixtures.publish(EventType.PRODUCTION_CONFIRMATION_POSTED, "production-service", "replay-" + consumptionId, "PO-700001", consumption);
        String markerId = InventoryFixtures.unique("MES-C");
        InventoryFixtures.publish(EventType.PRODUCTION_CONFIRMATION_POSTED, "production-service", "evt-" + markerId, "PO-700001",
                posted(markerId, ConfirmationKind.COMPLETION, "FG-100", InventoryFixtures.unique("L-FG100"), Quantity.of(1, "EA")));
        InventoryFixtures.awaitErpState("PR-" + markerId, "POSTED");

        assertThat(InventoryFixtures.balance("FG-100", lot, "FG01", "UNRESTRICTED")).isEqualByComparingTo("7");
        assertThat(InventoryFixtures.balance("RM-310", "L-RM310-0001", "RM01", "UNRESTRICTED"))
                .isEqualByComparingTo(componentsBefore.subtract(new BigDecimal("3")));
        assertThat(given().queryParam("sourceReference", completionId).get("/api/v1/movements").jsonPath().getList("movementId"))
                .containsExactly("PR-" + completionId);
        assertThat(given().queryParam("sourceReference", consumptionId).get("/api/v1/movements").jsonPath().getList("movementId"))
                .containsExactly("PI-" + consumptionId);
        assertThat(given().queryParam("sourceReference", scrap.confirmation().confirmationId()).get("/api/v1/movements")
                .jsonPath().getList("$")).isEmpty();

        List<Map<String, Object>> postings = ErpSimulator.shared().postings("movement");
        assertThat(postings).filteredOn(p -> ("PR-" + completionId).equals(p.get("businessKey"))).hasSize(1);
        assertThat(postings).filteredOn(p -> ("PI-" + consumptionId).equals(p.get("businessKey"))).singleElement()
                .satisfies(p -> assertThat((Map<String, Object>) p.get("request")).containsEntry("movementType", "GOODS_ISSUE")
                        .containsEntry("lot", "L-RM310-0001").containsEntry("location", "RM01"));
        assertThat(ErpSimulator.shared().stock("FG-100")).anySatisfy(b -> {
            assertThat(b).containsEntry("lot", lot).containsEntry("location", "FG01");
            assertThat(new BigDecimal(b.get("quantity").toString())).isEqualByComparingTo("7");
        });

        ConsumerRecord<String, byte[]> postedEvent = KafkaTestClient.await(Topics.INVENTORY_EVENTS,
                r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_MOVEMENT_POSTED, "PR-" + completionId), 1, FLOW_TIMEOUT).get(0);
        InventoryMovementPosted postedData = DomainEvents.data(DomainEvents.fromConsumerRecord(postedEvent), InventoryMovementPosted.class);
        assertThat(postedData.movement().type()).isEqualTo(MovementType.PRODUCTION_RECEIPT);
        assertThat(postedData.movement().quantity()).isEqualTo(Quantity.of(7, "EA"));
        assertThat(postedData.erpDocumentNumber()).startsWith("GM-");
        assertThat(KafkaTestClient.header(postedEvent, "ce_source")).isEqualTo("urn:millwright:inventory-service");
        KafkaTestClient.await(Topics.INVENTORY_EVENTS, r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_MOVEMENT_POSTED,
                "PI-" + consumptionId), 1, FLOW_TIMEOUT);
        ConsumerRecord<String, byte[]> changed = KafkaTestClient.await(Topics.INVENTORY_EVENTS,
                r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_BALANCE_CHANGED, "PR-" + completionId), 1, FLOW_TIMEOUT).get(0);
        InventoryBalanceChanged changedData = DomainEvents.data(DomainEvents.fromConsumerRecord(changed), InventoryBalanceChanged.class);
        assertThat(changedData.balance().quantity()).isEqualTo(Quantity.of(7, "EA"));
        assertThat(changedData.previousQuantity()).isEqualTo(Quantity.of(0, "EA"));

        List<ConsumerRecord<String, byte[]>> all = KafkaTestClient.readAll(Topics.INVENTORY_EVENTS, Duration.ofSeconds(1));
        assertThat(all).filteredOn(r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_MOVEMENT_POSTED, "PR-" + completionId)).hasSize(1);
        assertThat(all).filteredOn(r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_BALANCE_CHANGED, "PI-" + consumptionId)).hasSize(1);
    }

    @Test
    void wmsReceiptResentIsOneMovementAndOnePosting() {
        WmsSimulator wms = WmsSimulator.shared();
        wms.configure(InventoryFixtures.serviceBaseUrl());
        String receiptId = InventoryFixtures.unique("WMS-R");
        String lot = InventoryFixtures.unique("L-RM300");
        Map<String, Object> receipt = InventoryFixtures.receipt(receiptId, "RM-300", lot, "RM01", "250", "KG");
        assertThat(wms.sendReceipt(receipt)).isEqualTo(202);
        assertThat(wms.sendReceipt(receipt)).isEqualTo(202);
        given().contentType(ContentType.JSON).body(receipt).post("/api/v1/wms/receipts").then().statusCode(202)
                .header("X-Millwright-Duplicate", "true").body("movementId", equalTo("WR-" + receiptId));

        InventoryFixtures.awaitErpState("WR-" + receiptId, "POSTED");
        assertThat(InventoryFixtures.balance("RM-300", lot, "RM01", "UNRESTRICTED")).isEqualByComparingTo("250");
        assertThat(given().queryParam("lot", lot).get("/api/v1/movements").jsonPath().getList("movementId")).containsExactly("WR-" + receiptId);
        assertThat(ErpSimulator.shared().postings("movement")).filteredOn(p -> ("WR-" + receiptId).equals(p.get("businessKey"))).hasSize(1);
    }

    @Test
    void invalidWmsReceiptsAre422WithFieldErrors() {
        given().contentType(ContentType.JSON).body(InventoryFixtures.receipt(InventoryFixtures.unique("WMS-R"), "NO-SUCH", "L-1", "RM01", "5", "KG"))
                .post("/api/v1/wms/receipts").then().statusCode(422).body("errors.field", hasItem("itemId"));
        given().contentType(ContentType.JSON).body(InventoryFixtures.receipt(InventoryFixtures.unique("WMS-R"), "RM-300", "L-1", "RM01", "5", "EA"))
                .post("/api/v1/wms/receipts").then().statusCode(422).body("errors.field", hasItem("quantity.unit"));
        Map<String, Object> noQuantity = InventoryFixtures.receipt(InventoryFixtures.unique("WMS-R"), "RM-300", "L-1", "RM01", "5", "KG");
        noQuantity.remove("quantity");
        noQuantity.remove("receiptId");
        given().contentType(ContentType.JSON).body(noQuantity).post("/api/v1/wms/receipts").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItems("quantity", "receiptId"));
    }

    @Test
    void textTheDatabaseCannotStoreIsA4xxNamingTheFieldAndNothingIsBooked() {
        String receiptId = InventoryFixtures.unique("WMS-R");
        given().contentType(ContentType.JSON).body(InventoryFixtures.receipt(receiptId, "RM-300", "L-\u0000-1", "RM01", "5", "KG"))
                .post("/api/v1/wms/receipts").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("lotId"))
                .body("errors.message", hasItem("must not contain the NUL character (U+0000)"));
        assertThat(given().queryParam("sourceReference", receiptId).get("/api/v1/movements").jsonPath().getList("movementId")).isEmpty();
        given().urlEncodingEnabled(false).get("/api/v1/availability?item=FG-%00100&qty=1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("item"));
        given().urlEncodingEnabled(false).get("/api/v1/balances?lot=L%00").then().statusCode(400).body("errors.field", hasItem("lot"));
        given().urlEncodingEnabled(false).get("/api/v1/movements/WR-%00").then().statusCode(400).body("errors.field", hasItem("movementId"));
    }

    @Test
    void erpDownPostingsWaitAndCompleteExactlyOnce() {
        ErpSimulator.shared().injectFault("UNAVAILABLE", null, null, null);
        String receiptId = InventoryFixtures.unique("WMS-R");
        String lot = InventoryFixtures.unique("L-RM300");
        given().contentType(ContentType.JSON).body(InventoryFixtures.receipt(receiptId, "RM-300", lot, "RM01", "40", "KG"))
                .post("/api/v1/wms/receipts").then().statusCode(202).header("X-Millwright-Duplicate", "false");
        // Booked at once: availability does not wait for ERP
        assertThat(InventoryFixtures.balance("RM-300", lot, "RM01", "UNRESTRICTED")).isEqualByComparingTo("40");

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> given().get("/api/v1/movements/WR-" + receiptId).then()
                .body("erp.state", equalTo("PENDING"))
                .body("erp.attempts", org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        String metrics = Management.given().get("/q/metrics").asString();
        assertThat(metrics).containsPattern("millwright_inventory_erp_postings_pending(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).contains("millwright_inventory_erp_postings_oldest_pending_seconds");
        assertThat(ErpSimulator.shared().postings("movement")).noneMatch(p -> ("WR-" + receiptId).equals(p.get("businessKey")));

        ErpSimulator.shared().clearFaults();
        InventoryFixtures.awaitErpState("WR-" + receiptId, "POSTED");
        assertThat(ErpSimulator.shared().postings("movement")).filteredOn(p -> ("WR-" + receiptId).equals(p.get("businessKey"))).hasSize(1);
        KafkaTestClient.await(Topics.INVENTORY_EVENTS, r -> InventoryFixtures.isEvent(r, EventType.INVENTORY_MOVEMENT_POSTED, "WR-" + receiptId),
                1, FLOW_TIMEOUT);
    }

    @Test
    void openApiDescribesTheInventoryApi() {
        String openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/availability", "/api/v1/balances", "/api/v1/wms/receipts", "/api/v1/holds",
                "/api/v1/reconciliations/latest");
    }

    static ConfirmationPosted posted(String confirmationId, ConfirmationKind kind, String itemId, String lotId, Quantity quantity) {
        java.time.Instant now = java.time.Instant.now();
        return new ConfirmationPosted(new ProductionConfirmation(confirmationId, kind, "PO-700001", "0020", "RES-ASM-01", itemId, quantity,
                lotId, null, kind == ConfirmationKind.SCRAP ? "LEAK" : null, "OP-17", false, now), "PC-" + confirmationId, now);
    }
}
