package io.millwright.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.millwright.kit.testing.CrmSimulator;
import io.millwright.kit.testing.WmsSimulator;
import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.inventory.InventoryMovement;
import io.millwright.model.inventory.InventoryMovementPosted;
import io.millwright.model.inventory.MovementType;
import io.millwright.model.inventory.StockStatus;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.maintenance.IncidentStatus;
import io.millwright.model.maintenance.MaintenanceIncident;
import io.millwright.model.maintenance.MaintenanceIncidentOpened;
import io.millwright.model.maintenance.MaintenanceIncidentResolved;
import io.millwright.model.order.AtRiskCause;
import io.millwright.model.order.OrderAtRisk;
import io.millwright.model.order.OrderShipped;
import io.millwright.model.quality.HoldCause;
import io.millwright.model.quality.HoldStatus;
import io.millwright.model.quality.QualityHold;
import io.millwright.model.quality.QualityHoldPlaced;
import io.millwright.model.quality.QualityHoldReleased;
import io.millwright.model.schema.JsonSchemas;
import io.millwright.model.order.OrderMilestoneReached;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.model.production.ProductionOperation;
import io.millwright.model.production.ProductionOrder;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.model.production.ProductionOrderStatus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.millwright.kit.testing.Management;

/**
 * O4 against real Kafka, PostgreSQL, the ERP simulator (which confirms the order) and the CRM simulator (which
 * receives the milestones). Production and inventory events are produced as production-service and
 * inventory-service publish them; availability comes from the in-test stand-in of inventory-service.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
@QuarkusTestResource(OrderCollaboratorsResource.class)
class OrderMilestoneTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(40);
    private static final List<String> ALL_MILESTONES = List.of("PRODUCTION_RELEASED", "PRODUCTION_STARTED",
            "PRODUCTION_COMPLETED", "READY_TO_SHIP");

    private final CrmSimulator crm = CrmSimulator.shared();
    private final WmsSimulator wms = WmsSimulator.shared();

    @BeforeEach
    void ready() {
        OrderFixtures.awaitReady();
    }

    @AfterEach
    void backToNormal() {
        crm.clearFaults();
        AvailabilityStub.shared().up();
    }

    @Test
    void productionAndInventoryEventsBecomeMilestonesOnTheTimelineInKafkaAndAtTheCrm() {
        Order order = confirmedOrder();
        String po = newProductionOrderId();

        publish(released(po, order.erpNumber()));
        publish(confirmation(po, "C1-" + po, ConfirmationKind.COMPLETION, 20, false));
        publish(confirmation(po, "C2-" + po, ConfirmationKind.COMPLETION, 30, true));
        // inventory-service posts the receipt in reaction to the completion, so it follows it
        awaitMilestones(order.id(), List.of("PRODUCTION_COMPLETED"));
        publish(receipt(po, StockStatus.QUALITY_HOLD));            // not yet shippable
        publish(receipt(po, StockStatus.UNRESTRICTED));

        JsonPath view = awaitMilestones(order.id(), ALL_MILESTONES);
        assertThat(view.getList("timeline.detail", String.class)).anySatisfy(d -> assertThat(d).contains(po, "50 EA of FG-100"));

        List<ConsumerRecord<String, byte[]>> events = KafkaTestClient.await(Topics.ORDER_EVENTS,
                r -> OrderFixtures.isEvent(r, order.id(), EventType.ORDER_MILESTONE_REACHED.type()), 4, FLOW_TIMEOUT);
        assertThat(events).extracting(r -> DomainEvents.data(DomainEvents.fromConsumerRecord(r), OrderMilestoneReached.class)
                .milestone().name()).containsExactlyElementsOf(ALL_MILESTONES);

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId()))
                .extracting(m -> m.get("milestone")).containsExactlyElementsOf(ALL_MILESTONES));
        assertThat(crm.milestones(order.crmOrderId())).allSatisfy(m -> {
            assertThat(m).containsEntry("deliveries", 1).containsEntry("orderId", order.id());
            assertThat(events).extracting(r -> KafkaTestClient.header(r, "ce_id")).contains((String) m.get("eventId"));
        });
        // the simulated CRM checks every delivery's Millwright-Signature with its secret: all of these were signed well
        assertThat(crm.rejections()).as("deliveries the CRM refused for their signature").isEmpty();
    }

    @Test
    void duplicateAndOutOfOrderEventsNeverRepeatOrRewindAMilestone() {
        Order order = confirmedOrder();
        String po = newProductionOrderId();
        CloudEvent release = released(po, order.erpNumber());

        publish(release);
        publish(release);                                           // same event again (same ce_id)
        publish(released(po, order.erpNumber()));                  // same fact, new event id
        // the receipt overtakes the completion (another topic): READY_TO_SHIP waits for the completion
        publish(receipt(po, StockStatus.UNRESTRICTED));
        awaitMilestones(order.id(), List.of("PRODUCTION_RELEASED"));
        publish(confirmation(po, "C9-" + po, ConfirmationKind.COMPLETION, 50, true));
        publish(confirmation(po, "C8-" + po, ConfirmationKind.LABOUR, 30, false));   // late, earlier confirmation

        JsonPath view = awaitMilestones(order.id(), ALL_MILESTONES);
        assertThat(view.getList("timeline.step", String.class)).filteredOn(ALL_MILESTONES::contains)
                .containsExactlyElementsOf(ALL_MILESTONES);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId()))
                .extracting(m -> m.get("milestone")).containsExactlyElementsOf(ALL_MILESTONES));
        assertThat(OrderFixtures.eventsOf(order.id())).filteredOn(r -> EventType.ORDER_MILESTONE_REACHED.type()
                .equals(KafkaTestClient.header(r, "ce_type"))).hasSize(4);
    }

    @Test
    void eventsOfProductionOrdersOfNoKnownOrderAreIgnoredAndCounted() {
        String po = newProductionOrderId();
        publish(released(po, "SO-NOT-OURS-" + po));
        publish(confirmation(po, "C1-" + po, ConfirmationKind.COMPLETION, 5, true));
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(Management.given().get("/q/metrics").asString())
                .containsPattern("millwright_order_events_unlinked_total\\{[^}]*type=\"[^\"]*production.confirmation.posted\"[^}]*\\} [1-9]"));
    }

    @Test
    void milestoneIsDeliveredOnceTheCrmIsBack() {
        Order order = confirmedOrder();
        crm.injectFault(Duration.ofSeconds(1));
        publish(released(newProductionOrderId(), order.erpNumber()));

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId()))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("milestone", "PRODUCTION_RELEASED")
                        .containsEntry("deliveries", 1)));
    }

    @Test
    void milestoneTheCrmNeverTakesEndsInTheDeadLetterStoreAndCanBeReplayed() {
        Order order = confirmedOrder();
        crm.injectFault(null);
        publish(released(newProductionOrderId(), order.erpNumber()));

        String deadLetterId = await().atMost(FLOW_TIMEOUT).until(() -> given().get("/api/v1/dead-letters").jsonPath()
                .<Map<String, Object>> getList("").stream()
                .filter(l -> String.valueOf(l.get("reason")).contains("of order " + order.id()))
                .map(l -> String.valueOf(l.get("id"))).findFirst().orElse(null), id -> id != null);
        assertThat(given().get("/api/v1/dead-letters/" + deadLetterId).jsonPath().getString("reason"))
                .contains("Gave up after 5 attempt(s)", "crm answered 503 to milestone PRODUCTION_RELEASED of order " + order.id());
        assertThat(crm.milestones(order.crmOrderId())).isEmpty();

        crm.clearFaults();
        given().post("/api/v1/dead-letters/" + deadLetterId + "/replay").then().statusCode(200);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId()))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("milestone", "PRODUCTION_RELEASED")));
    }

    @Test
    void availabilityIsUnknownWhileInventoryServiceIsUnreachable() {
        AvailabilityStub.shared().down();
        String crmOrderId = OrderFixtures.newCrmOrderId();
        String orderId = given().contentType(ContentType.JSON).body(OrderFixtures.order("valid-order", crmOrderId))
                .post("/api/v1/orders").then().statusCode(202)
                .body("lines[0].availability", equalTo("UNKNOWN"))
                .body("lines[1].availability", equalTo("UNKNOWN"))
                .extract().path("id");
        assertThat(given().get("/api/v1/orders/" + orderId).jsonPath().getList("timeline.step", String.class))
                .contains("AVAILABILITY_UNKNOWN");
    }

    @Test
    void aQualityHoldOnTheOrdersLotPutsItAtRiskOnceAndItsReleaseClearsIt() {
        Order order = confirmedOrder();
        String po = newProductionOrderId();
        String lot = "L-" + po;
        publish(released(po, order.erpNumber()));
        publish(confirmation(po, "C1-" + po, ConfirmationKind.COMPLETION, 50, true));
        awaitMilestones(order.id(), List.of("PRODUCTION_COMPLETED"));
        publish(receipt(po, StockStatus.UNRESTRICTED));
        awaitMilestones(order.id(), List.of("READY_TO_SHIP"));

        String holdId = "QH-R-" + po;
        publish(holdPlaced(holdId, lot));
        publish(holdPlaced(holdId, lot));                            // the same hold again, another event id
        JsonPath view = awaitSteps(order.id(), "AT_RISK");
        assertThat(view.getList("timeline.detail", String.class)).anySatisfy(d -> assertThat(d).contains(lot, holdId, "bore-diameter"));
        List<ConsumerRecord<String, byte[]>> atRisk = KafkaTestClient.await(Topics.ORDER_EVENTS,
                r -> OrderFixtures.isEvent(r, order.id(), EventType.ORDER_AT_RISK.type()), 1, FLOW_TIMEOUT);
        assertThat(JsonSchemas.validate(EventType.ORDER_AT_RISK, atRisk.get(0).value())).isEmpty();
        OrderAtRisk risk = DomainEvents.data(DomainEvents.fromConsumerRecord(atRisk.get(0)), OrderAtRisk.class);
        assertThat(risk.cause()).isEqualTo(AtRiskCause.QUALITY_HOLD);
        assertThat(risk.lotId()).isEqualTo(lot);
        assertThat(risk.sourceReference()).isEqualTo(holdId);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId())).extracting(m -> m.get("milestone"))
                .containsOnlyOnce("AT_RISK"));

        publish(holdReleased(holdId, lot));
        awaitSteps(order.id(), "RISK_CLEARED");
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId())).extracting(m -> m.get("milestone"))
                .endsWith("AT_RISK", "RISK_CLEARED"));
        assertThat(OrderFixtures.eventsOf(order.id())).filteredOn(r -> EventType.ORDER_AT_RISK.type()
                .equals(KafkaTestClient.header(r, "ce_type"))).hasSize(1);
    }

    @Test
    void aMachineIncidentOnTheResourceOfTheOrdersProductionPutsItAtRiskUntilItResolves() {
        Order order = confirmedOrder();
        String po = newProductionOrderId();
        publish(released(po, order.erpNumber()));
        awaitMilestones(order.id(), List.of("PRODUCTION_RELEASED"));

        String incidentId = "MI-T" + UUID.randomUUID().toString().substring(0, 8);
        MaintenanceIncident incident = new MaintenanceIncident(incidentId, "plant-1", "cnc-1", "17", "Hydraulic pressure low",
                AlertSeverity.CRITICAL, IncidentStatus.WORK_REQUESTED, 3, Instant.now().minusSeconds(120), Instant.now(), po, "RES-CNC-01",
                "WC-CNC", "CC-4100", List.of(po, "PO-NOT-OURS-" + po));
        // X1: the incident's trace (it began at the machine) goes on through the order's risk and the CRM webhook
        String traceId = UUID.randomUUID().toString().replace("-", "");
        CloudEvent opened = DomainEvents.toCloudEvent(EventType.MAINTENANCE_INCIDENT_OPENED, DomainEvents.source("maintenance-service"),
                UUID.randomUUID().toString(), incidentId, new MaintenanceIncidentOpened(incident), Instant.now(), "corr-" + incidentId,
                "00-" + traceId + "-00f067aa0ba902b7-01");
        publish(opened);
        publish(event(EventType.MAINTENANCE_INCIDENT_OPENED, "maintenance-service", incidentId, new MaintenanceIncidentOpened(incident)));
        JsonPath view = awaitSteps(order.id(), "AT_RISK");
        assertThat(view.getList("timeline.detail", String.class)).anySatisfy(d -> assertThat(d).contains("RES-CNC-01", incidentId, po, "runs there"));
        List<ConsumerRecord<String, byte[]>> atRisk = KafkaTestClient.await(Topics.ORDER_EVENTS,
                r -> OrderFixtures.isEvent(r, order.id(), EventType.ORDER_AT_RISK.type()), 1, FLOW_TIMEOUT);
        OrderAtRisk risk = DomainEvents.data(DomainEvents.fromConsumerRecord(atRisk.get(0)), OrderAtRisk.class);
        assertThat(risk.cause()).isEqualTo(AtRiskCause.MACHINE_DOWNTIME);
        assertThat(risk.resourceId()).isEqualTo("RES-CNC-01");
        assertThat(risk.productionOrderId()).isEqualTo(po);
        assertThat(risk.sourceReference()).isEqualTo(incidentId);
        assertThat(KafkaTestClient.header(atRisk.get(0), "traceparent")).contains(traceId);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId())).extracting(m -> m.get("milestone"))
                .containsOnlyOnce("AT_RISK"));
        assertThat(crm.milestones(order.crmOrderId())).filteredOn(m -> "AT_RISK".equals(m.get("milestone")))
                .singleElement().satisfies(m -> assertThat(String.valueOf(m.get("traceparent"))).contains(traceId));

        publish(event(EventType.MAINTENANCE_INCIDENT_RESOLVED, "maintenance-service", incidentId,
                new MaintenanceIncidentResolved(incident, Instant.now())));
        awaitSteps(order.id(), "RISK_CLEARED");
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId())).extracting(m -> m.get("milestone"))
                .endsWith("AT_RISK", "RISK_CLEARED"));
        assertThat(OrderFixtures.eventsOf(order.id())).filteredOn(r -> EventType.ORDER_AT_RISK.type()
                .equals(KafkaTestClient.header(r, "ce_type"))).hasSize(1);
    }

    @Test
    void aHoldPlacedBeforeTheOrderKnowsItsLotPutsItAtRiskWhenTheLotIsNamed() {
        Order order = confirmedOrder();
        String po = newProductionOrderId();
        String lot = "L-" + po;
        publish(holdPlaced("QH-EARLY-" + po, lot));
        // quality-service held the lot before order-service heard of it: nothing to put at risk yet
        await().pollDelay(Duration.ofSeconds(1)).atMost(FLOW_TIMEOUT).until(() -> true);
        assertThat(given().get("/api/v1/orders/" + order.id()).jsonPath().getList("timeline.step", String.class)).doesNotContain("AT_RISK");

        publish(released(po, order.erpNumber()));                  // the release names the lot the order will be made into
        awaitSteps(order.id(), "AT_RISK");
        KafkaTestClient.await(Topics.ORDER_EVENTS, r -> OrderFixtures.isEvent(r, order.id(), EventType.ORDER_AT_RISK.type()), 1, FLOW_TIMEOUT);
        publish(receipt(po, StockStatus.QUALITY_HOLD));             // the receipt names it again: still one risk
        publish(confirmation(po, "C1-" + po, ConfirmationKind.COMPLETION, 50, true));
        awaitMilestones(order.id(), List.of("PRODUCTION_COMPLETED"));
        assertThat(OrderFixtures.eventsOf(order.id())).filteredOn(r -> EventType.ORDER_AT_RISK.type()
                .equals(KafkaTestClient.header(r, "ce_type"))).hasSize(1);
    }

    @Test
    void aReadyOrderIsReleasedToTheWmsAndItsShipmentMakesItShipped() {
        Ready order = readyToShip();
        String deliveryId = "DL-" + order.id();
        Map<String, Object> delivery = await().atMost(FLOW_TIMEOUT).until(() -> wms.deliveries(order.id()), d -> !d.isEmpty()).get(0);
        assertThat(delivery).containsEntry("deliveryId", deliveryId);
        assertThat(String.valueOf(delivery.get("payload"))).contains("FG-100", "L-" + order.po());
        awaitSteps(order.id(), "DELIVERY_RELEASED");

        wms.configureShipping("http://127.0.0.1:" + RestAssured.port, false);
        assertThat(wms.ship(deliveryId)).containsEntry("confirmStatus", 200);
        JsonPath view = awaitMilestones(order.id(), List.of("READY_TO_SHIP", "SHIPPED"));
        assertThat(view.getList("timeline.detail", String.class)).anySatisfy(d -> assertThat(d).contains("Shipment SHP-", "DHL Freight"));
        List<ConsumerRecord<String, byte[]>> shipped = KafkaTestClient.await(Topics.ORDER_EVENTS,
                r -> OrderFixtures.isEvent(r, order.id(), EventType.ORDER_SHIPPED.type()), 1, FLOW_TIMEOUT);
        assertThat(JsonSchemas.validate(EventType.ORDER_SHIPPED, shipped.get(0).value())).isEmpty();
        OrderShipped event = DomainEvents.data(DomainEvents.fromConsumerRecord(shipped.get(0)), OrderShipped.class);
        assertThat(event.lines()).singleElement().satisfies(line -> assertThat(line.lotId()).isEqualTo("L-" + order.po()));
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(crm.milestones(order.crmOrderId())).extracting(m -> m.get("milestone"))
                .endsWith("READY_TO_SHIP", "SHIPPED"));

        // the WMS confirms again: nothing changes
        assertThat(wms.ship(deliveryId)).containsEntry("confirmStatus", 200);
        assertThat(OrderFixtures.eventsOf(order.id())).filteredOn(r -> EventType.ORDER_SHIPPED.type()
                .equals(KafkaTestClient.header(r, "ce_type"))).hasSize(1);
        // a shipment of a delivery never released, or without its fields
        given().contentType(ContentType.JSON).body(Map.of("deliveryId", "DL-NEVER", "shipmentId", "S-1", "shippedAt", Instant.now().toString()))
                .post("/api/v1/shipments").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("deliveryId", deliveryId)).post("/api/v1/shipments").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("shipmentId", "shippedAt"));
        given().contentType(ContentType.JSON).body(Map.of("deliveryId", deliveryId, "shipmentId", "S-OTHER", "shippedAt", Instant.now().toString()))
                .post("/api/v1/shipments").then().statusCode(409);
        // text the database cannot store, an oversized id, not JSON: refused before anything is read
        given().contentType(ContentType.JSON).body(Map.of("deliveryId", deliveryId, "shipmentId", "S-\u0000", "shippedAt", Instant.now().toString()))
                .post("/api/v1/shipments").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("deliveryId", deliveryId, "shipmentId", "S".repeat(61), "shippedAt",
                Instant.now().toString())).post("/api/v1/shipments").then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("shipmentId"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/v1/shipments").then().statusCode(400);
    }

    @Test
    void theDeliveryOfAnOrderWhoseLotIsOnHoldIsBlockedUntilTheHoldIsReleased() {
        Order confirmed = confirmedOrder();
        String po = newProductionOrderId();
        String holdId = "QH-BLOCK-" + po;
        publish(released(po, confirmed.erpNumber()));
        publish(holdPlaced(holdId, "L-" + po));
        publish(confirmation(po, "C1-" + po, ConfirmationKind.COMPLETION, 50, true));
        awaitMilestones(confirmed.id(), List.of("PRODUCTION_COMPLETED"));
        publish(receipt(po, StockStatus.UNRESTRICTED));
        awaitSteps(confirmed.id(), "DELIVERY_BLOCKED");
        assertThat(wms.deliveries(confirmed.id())).isEmpty();
        given().contentType(ContentType.JSON).body(Map.of("deliveryId", "DL-" + confirmed.id(), "shipmentId", "S-1", "shippedAt",
                Instant.now().toString())).post("/api/v1/shipments").then().statusCode(409).body("detail", containsString("blocked"));

        publish(holdReleased(holdId, "L-" + po));
        awaitSteps(confirmed.id(), "DELIVERY_RELEASED");
        assertThat(wms.deliveries(confirmed.id())).singleElement().satisfies(d -> assertThat(d).containsEntry("deliveryId", "DL-" + confirmed.id()));
    }

    // ---- helpers ----

    @Test
    void theJourneyFindsTheOrderByEveryKeyItKnowsWithSystemsTracesAndLinks() {
        Ready ready = readyToShip();
        String erpNumber = given().get("/api/v1/orders/" + ready.id()).jsonPath().getString("erpSalesOrderNumber");
        JsonPath byCrm = journey("crm-order", ready.crmOrderId());
        assertThat(byCrm.getList("steps.step", String.class)).containsSubsequence("ACCEPTED", "CONFIRMED_BY_ERP", "PRODUCTION_RELEASED",
                "PRODUCTION_COMPLETED", "READY_TO_SHIP");
        assertThat(byCrm.getString("steps.find { it.step == 'ACCEPTED' }.system")).isEqualTo("CRM");
        assertThat(byCrm.getString("steps.find { it.step == 'CONFIRMED_BY_ERP' }.system")).isEqualTo("ERP");
        assertThat(byCrm.getString("steps.find { it.step == 'CONFIRMED_BY_ERP' }.outcome")).isEqualTo("DONE");
        assertThat(byCrm.getList("steps.service", String.class)).containsOnly("order-service");
        assertThat(byCrm.getList("steps.subject.id", String.class)).containsOnly(ready.id());
        assertThat(byCrm.getList("steps.traceId", String.class)).allSatisfy(t -> assertThat(t).matches("[0-9a-f]{32}"));
        assertThat(byCrm.getList("related", Map.class)).contains(Map.of("kind", "order", "id", ready.id()),
                Map.of("kind", "sales-order", "id", erpNumber), Map.of("kind", "production-order", "id", ready.po()),
                Map.of("kind", "lot", "id", "L-" + ready.po()));
        List<String> steps = byCrm.getList("steps.step", String.class);
        for (String[] key : new String[][] {{"order", ready.id()}, {"sales-order", erpNumber}, {"production-order", ready.po()},
                {"lot", "L-" + ready.po()}, {"trace", byCrm.getString("steps[0].traceId")}}) {
            assertThat(journey(key[0], key[1]).getList("steps.step", String.class)).as("by %s", key[0]).containsAll(steps);
        }
        assertThat(journey("lot", "L-NOBODY-" + UUID.randomUUID()).getList("steps")).isEmpty();

        // several keys in one question (a round of the console): each step once, related keys beyond the asked ones
        JsonPath several = given().queryParam("key", "crm-order:" + ready.crmOrderId(), "order:" + ready.id(), "sales-order:" + erpNumber,
                "lot:L-" + ready.po()).get("/api/v1/journey").then().statusCode(200).extract().jsonPath();
        assertThat(several.getList("steps.step", String.class)).containsExactlyElementsOf(steps);
        assertThat(several.getList("related", Map.class)).contains(Map.of("kind", "production-order", "id", ready.po()))
                .doesNotContain(Map.of("kind", "order", "id", ready.id()), Map.of("kind", "lot", "id", "L-" + ready.po()));
    }

    @Test
    void aJourneyKeyThatCannotBeIsRefusedWithItsField() {
        given().queryParam("kind", "planet").queryParam("id", "x").get("/api/v1/journey").then().statusCode(422)
                .body("errors.field", hasItem("kind"));
        given().queryParam("kind", "lot").get("/api/v1/journey").then().statusCode(422).body("errors.field", hasItem("id"));
        given().queryParam("kind", "lot").queryParam("id", "L".repeat(201)).get("/api/v1/journey").then().statusCode(422)
                .body("errors.field", hasItem("id"));
        given().queryParam("kind", "lot").queryParam("id", "L-\u0000").get("/api/v1/journey").then().statusCode(400)
                .body("errors.field", hasItem("id"));
        given().queryParam("key", "planet:x").get("/api/v1/journey").then().statusCode(422).body("errors.field", hasItem("key"));
        given().queryParam("key", "no-kind-here").get("/api/v1/journey").then().statusCode(422).body("errors.field", hasItem("key"));
        given().queryParam("key", "lot:" + "L".repeat(201)).get("/api/v1/journey").then().statusCode(422).body("errors.field", hasItem("key"));
        given().queryParam("kind", "lot").queryParam("id", "L-1").queryParam("key", "lot:L-2").get("/api/v1/journey").then().statusCode(422)
                .body("errors.field", hasItem("key"));
        given().queryParam("key", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "lot:L-" + i).toList()).get("/api/v1/journey").then()
                .statusCode(422).body("errors.field", hasItem("key"));
        given().queryParam("key", "lot:L-\u0000").get("/api/v1/journey").then().statusCode(400);
    }

    private static JsonPath journey(String kind, String id) {
        return given().queryParam("kind", kind).queryParam("id", id).get("/api/v1/journey").then().statusCode(200).extract().jsonPath();
    }

    private record Order(String id, String crmOrderId, String erpNumber) {
    }

    private static Order confirmedOrder() {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        String id = given().contentType(ContentType.JSON).body(OrderFixtures.order("valid-order", crmOrderId))
                .post("/api/v1/orders").then().statusCode(202).extract().path("id");
        String erpNumber = await().atMost(FLOW_TIMEOUT).until(
                () -> given().get("/api/v1/orders/" + id).jsonPath().getString("erpSalesOrderNumber"), n -> n != null);
        return new Order(id, crmOrderId, erpNumber);
    }

    private static JsonPath awaitMilestones(String orderId, List<String> milestones) {
        return await().atMost(FLOW_TIMEOUT).until(() -> given().get("/api/v1/orders/" + orderId).jsonPath(),
                view -> view.getList("timeline.step", String.class).containsAll(milestones));
    }

    private static String newProductionOrderId() {
        return "PO-T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CloudEvent released(String po, String salesOrderNumber) {
        ProductionOrder order = new ProductionOrder(po, "1000", "FG-100", Quantity.of(50, "EA"), ProductionOrderStatus.RELEASED,
                "RES-CNC-01", salesOrderNumber, "L-" + po, null, LocalDate.now().plusDays(7),
                List.of(new ProductionOperation("0010", "Finish-machine valve body", "RES-CNC-01", "WC-CNC", null, null)),
                List.of());
        return event(EventType.PRODUCTION_ORDER_RELEASED, "production-service", po, new ProductionOrderReleased(order, Instant.now()));
    }

    private static CloudEvent confirmation(String po, String confirmationId, ConfirmationKind kind, long quantity,
            boolean finalConfirmation) {
        ProductionConfirmation confirmation = new ProductionConfirmation(confirmationId, kind, po, "0010", "RES-CNC-01",
                kind == ConfirmationKind.LABOUR ? null : "FG-100", Quantity.of(quantity, kind == ConfirmationKind.LABOUR ? "MIN" : "EA"),
                null, null, null, null, finalConfirmation, Instant.now());
        return event(EventType.PRODUCTION_CONFIRMATION_POSTED, "production-service", po,
                new ConfirmationPosted(confirmation, "PC-" + confirmationId, Instant.now()));
    }

    private static CloudEvent receipt(String po, StockStatus status) {
        InventoryMovement movement = new InventoryMovement("MV-" + po, MovementType.PRODUCTION_RECEIPT, "FG-100", "L-" + po,
                "1000", null, "FG01", Quantity.of(50, "EA"), status, po, null, "C2-" + po, Instant.now());
        return event(EventType.INVENTORY_MOVEMENT_POSTED, "inventory-service", po,
                new InventoryMovementPosted(movement, "GM-" + po, Instant.now()));
    }

    private record Ready(String id, String crmOrderId, String po) {
    }

    /** A confirmed order, produced and received into unrestricted stock: READY_TO_SHIP. */
    private Ready readyToShip() {
        Order order = confirmedOrder();
        String po = newProductionOrderId();
        publish(released(po, order.erpNumber()));
        publish(confirmation(po, "C1-" + po, ConfirmationKind.COMPLETION, 50, true));
        awaitMilestones(order.id(), List.of("PRODUCTION_COMPLETED"));
        publish(receipt(po, StockStatus.UNRESTRICTED));
        awaitMilestones(order.id(), List.of("READY_TO_SHIP"));
        return new Ready(order.id(), order.crmOrderId(), po);
    }

    private static JsonPath awaitSteps(String orderId, String step) {
        return await().atMost(FLOW_TIMEOUT).until(() -> given().get("/api/v1/orders/" + orderId).jsonPath(),
                view -> view.getList("timeline.step", String.class).contains(step));
    }

    private static CloudEvent holdPlaced(String holdId, String lot) {
        QualityHold hold = new QualityHold(holdId, "1000", List.of(lot), HoldCause.QUALITY_RESULT_FAILED, "Result R failed: bore-diameter",
                null, null, null, "R", null, HoldStatus.ACTIVE, Instant.now(), null);
        return event(EventType.QUALITY_HOLD_PLACED, "quality-service", holdId, new QualityHoldPlaced(hold));
    }

    private static CloudEvent holdReleased(String holdId, String lot) {
        return event(EventType.QUALITY_HOLD_RELEASED, "quality-service", holdId, new QualityHoldReleased(holdId, "1000", List.of(lot), "R",
                "Usage decision ACCEPT on lot " + lot, Instant.now()));
    }

    private static CloudEvent event(EventType type, String service, String subject, Object data) {
        return DomainEvents.toCloudEvent(type, DomainEvents.source(service), UUID.randomUUID().toString(), subject, data,
                Instant.now(), "corr-" + subject, null);
    }

    private static void publish(CloudEvent event) {
        KafkaTestClient.publish(event);
    }
}
