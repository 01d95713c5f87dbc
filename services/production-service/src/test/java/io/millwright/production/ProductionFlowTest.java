package io.millwright.production;

import static io.millwright.production.ProductionFixtures.FLOW_TIMEOUT;
import static io.millwright.production.ProductionFixtures.awaitEvents;
import static io.millwright.production.ProductionFixtures.awaitStatus;
import static io.millwright.production.ProductionFixtures.confirmation;
import static io.millwright.production.ProductionFixtures.erpPostings;
import static io.millwright.production.ProductionFixtures.eventsOf;
import static io.millwright.production.ProductionFixtures.number;
import static io.millwright.production.ProductionFixtures.order;
import static io.millwright.production.ProductionFixtures.release;
import static io.millwright.production.ProductionFixtures.releaseOutcome;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
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
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.DispatchAcknowledged;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.model.schema.JsonSchemas;
import io.millwright.production.service.ShiftCalendar;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.millwright.kit.testing.Management;

/** P1–P4 against real Kafka, PostgreSQL, the ERP simulator over SOAP (both directions) and the MES simulator over REST. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
@QuarkusTestResource(MesSimulatorResource.class)
class ProductionFlowTest {

    private static final ShiftCalendar SHIFTS = ShiftCalendar.of("Europe/Berlin",
            Map.of("EARLY", "06:00", "LATE", "14:00", "NIGHT", "22:00"));

    @BeforeEach
    void simulatorsPointHere() {
        ErpSimulator.shared().clearFaults();
        ErpSimulator.shared().setReleaseCallbackUrl(ProductionFixtures.releaseCallbackUrl());
        MesSimulator.shared().clearFaults();
        MesSimulator.shared().configure(ProductionFixtures.baseUrl(), true, 0);
    }

    @AfterEach
    void simulatorsBackToNormal() {
        ErpSimulator.shared().clearFaults();
        MesSimulator.shared().clearFaults();
    }

    @Test
    void releaseIsDispatchedToTheMesAcknowledgedAndPublishedAndAResentReleaseChangesNothing() {
        Map<String, Object> erpOrder = release(50);
        String number = number(erpOrder);
        assertThat(releaseOutcome(erpOrder)).isEqualTo("OK");

        await().atMost(FLOW_TIMEOUT).until(() -> MesSimulator.shared().workOrder(number).isPresent());
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) MesSimulator.shared().workOrder(number).orElseThrow().get("payload");
        JsonPath dispatch = new JsonPath(toJson(payload));
        assertThat(dispatch.getString("productionOrderId")).isEqualTo(number);
        assertThat(dispatch.getString("plantId")).isEqualTo("1000");
        assertThat(dispatch.getString("itemId")).isEqualTo("FG-100");
        assertThat(dispatch.getString("lotId")).isEqualTo(erpOrder.get("lot"));
        assertThat(dispatch.getDouble("quantity.value")).isEqualTo(50.0);
        assertThat(dispatch.getString("quantity.unit")).isEqualTo("EA");
        assertThat(dispatch.getString("salesOrderId")).isEqualTo(erpOrder.get("salesOrderNumber"));
        assertThat(dispatch.getString("dueDate")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(dispatch.getList("operations.operationNumber")).containsExactly("0010", "0020");
        assertThat(dispatch.getList("operations.resourceId")).containsExactly("RES-CNC-01", "RES-ASM-01");
        assertThat(dispatch.getList("operations.workCenterId")).containsExactly("WC-CNC", "WC-ASM");
        assertThat(dispatch.getList("operations.sequence", Integer.class)).containsExactly(1, 2);
        assertThat(dispatch.getList("operations.plannedQuantity.value", Double.class)).containsExactly(50.0, 50.0);
        assertThat(dispatch.getList("components.itemId")).containsExactly("SF-150", "RM-310");
        assertThat(dispatch.getList("components.operationNumber")).containsExactly("0010", "0020");
        assertThat(dispatch.getList("components.quantity.value", Double.class)).containsExactly(50.0, 50.0);

        JsonPath acknowledged = awaitStatus(number, "ACKNOWLEDGED");
        assertThat(acknowledged.getString("mes.workOrderId")).isEqualTo("WO-" + number);
        assertThat(acknowledged.getString("releaseSource")).isEqualTo("CALLBACK");
        List<String> steps = given().get("/api/v1/production-orders/" + number + "/timeline").jsonPath().getList("step");
        assertThat(steps).containsSubsequence("RELEASED", "DISPATCHED", "ACKNOWLEDGED");

        ConsumerRecord<String, byte[]> releasedEvent = awaitEvents(number, EventType.PRODUCTION_ORDER_RELEASED, 1).get(0);
        ConsumerRecord<String, byte[]> ackEvent = awaitEvents(number, EventType.PRODUCTION_DISPATCH_ACKNOWLEDGED, 1).get(0);
        for (ConsumerRecord<String, byte[]> record : List.of(releasedEvent, ackEvent)) {
            assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("urn:millwright:production-service");
            assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(number);
            assertThat(JsonSchemas.validate(EventType.fromType(KafkaTestClient.header(record, "ce_type")), record.value())).isEmpty();
        }
        ProductionOrderReleased released = DomainEvents.data(DomainEvents.fromConsumerRecord(releasedEvent), ProductionOrderReleased.class);
        assertThat(released.productionOrder().operations()).hasSize(2);
        assertThat(released.productionOrder().outputLotId()).isEqualTo(erpOrder.get("lot"));
        DispatchAcknowledged ack = DomainEvents.data(DomainEvents.fromConsumerRecord(ackEvent), DispatchAcknowledged.class);
        assertThat(ack.mesWorkOrderId()).isEqualTo("WO-" + number);

        // The ERP announces the same release again: one production order, one dispatch, no second set of events.
        assertThat(ErpSimulator.shared().releaseProductionOrder(number).get("outcome")).isEqualTo("DUPLICATE");
        assertThat(given().get("/api/v1/production-orders?status=ACKNOWLEDGED").jsonPath().getList("id")).containsOnlyOnce(number);
        assertThat(MesSimulator.shared().workOrder(number).orElseThrow().get("dispatchCount")).isEqualTo(1);
        assertThat(eventsOf(number, EventType.PRODUCTION_ORDER_RELEASED)).hasSize(1);
        assertThat(eventsOf(number, EventType.PRODUCTION_DISPATCH_ACKNOWLEDGED)).hasSize(1);
        assertThat(MesSimulator.shared().workOrders()).filteredOn(w -> number.equals(w.get("productionOrderId"))).hasSize(1);
        // A repeated acknowledgement is answered 204 and records nothing new.
        assertThat(MesSimulator.shared().acknowledge(number)).isEqualTo(204);
        assertThat(eventsOf(number, EventType.PRODUCTION_DISPATCH_ACKNOWLEDGED)).hasSize(1);
    }

    @Test
    void releaseMissedWhileTheCallbackWentNowhereIsPickedUpByTheReconciliationPoll() {
        ErpSimulator.shared().setReleaseCallbackUrl(null);
        Map<String, Object> erpOrder = release(20);
        String number = number(erpOrder);
        assertThat(releaseOutcome(erpOrder)).isEqualTo("FAILED");

        JsonPath found = awaitStatus(number, "ACKNOWLEDGED");
        assertThat(found.getString("releaseSource")).isEqualTo("RECONCILIATION");
        assertThat(found.getString("outputLot")).isEqualTo(erpOrder.get("lot"));
        assertThat(found.getList("operations.operationNumber")).containsExactly("0010", "0020");
        assertThat(ErpSimulator.shared().calls("ListReleasedProductionOrders")).isNotEmpty();

        // The announcement arriving late is a duplicate of what the poll found.
        ErpSimulator.shared().setReleaseCallbackUrl(ProductionFixtures.releaseCallbackUrl());
        assertThat(ErpSimulator.shared().releaseProductionOrder(number).get("outcome")).isEqualTo("DUPLICATE");
        assertThat(MesSimulator.shared().workOrder(number).orElseThrow().get("dispatchCount")).isEqualTo(1);
        assertThat(eventsOf(number, EventType.PRODUCTION_ORDER_RELEASED)).hasSize(1);
    }

    @Test
    void invalidReleaseIsRefusedStoresNothingAndIsVisibleAsADeadLetter() {
        String number = "PO-BAD-" + System.nanoTime() % 1_000_000;
        String envelope = releaseWithoutOperations(number, "L-FG100-X");
        String answer = asTheErp().contentType("text/xml; charset=UTF-8").header("SOAPAction", "urn:millwright:erp:callback:v1:ReleaseProductionOrder")
                .body(envelope).post("/soap/erp-callback").then().statusCode(200).extract().asString();
        assertThat(answer).contains("<accepted>false</accepted>", "no operations");
        given().get("/api/v1/production-orders/" + number).then().statusCode(404);
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(given().get("/api/v1/dead-letters?routeId=production.erp-release")
                .jsonPath().getList("reason", String.class)).anySatisfy(r -> assertThat(r).contains(number, "the order has no operations")));
    }

    @Test
    void theErpCallbackRefusesAnonymousAndWrongCredentialsWithASoapFaultAndStoresNothing() {
        String number = "PO-ANON-" + System.nanoTime() % 1_000_000;
        String envelope = releaseWithoutOperations(number, "L-FG100-X");
        for (var caller : List.of(given().auth().none(), given().auth().preemptive().basic("erp", "not-the-password"),
                given().auth().preemptive().basic("someone-else", ErpSimulator.credentialsForTheErp().get("millwright.kit.erp-callback.password")))) {
            var answer = caller.contentType("text/xml; charset=UTF-8").header("SOAPAction", "urn:millwright:erp:callback:v1:ReleaseProductionOrder")
                    .body(envelope).post("/soap/erp-callback");
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(401);
            assertThat(answer.asString()).contains("<faultcode>soap:Client</faultcode>").contains("ERP callback");
        }
        given().get("/api/v1/production-orders/" + number).then().statusCode(404);
        given().get("/api/v1/dead-letters?routeId=production.erp-release").then().statusCode(200)
                .body("reason", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(number))));
    }

    /** A ReleaseProductionOrder request as the ERP would send it, for an order without operations (10 EA of FG-100). */
    private static String releaseWithoutOperations(String number, String lot) {
        return """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:millwright:erp:callback:v1">
                  <soap:Body><c:ReleaseProductionOrderRequest><c:productionOrder>
                    <c:productionOrderNumber>%s</c:productionOrderNumber><c:itemId>FG-100</c:itemId><c:plant>1000</c:plant>
                    <c:quantity><c:value>10</c:value><c:unitOfMeasure>EA</c:unitOfMeasure></c:quantity>
                    <c:lot>%s</c:lot><c:dueDate>2026-12-01T00:00:00Z</c:dueDate><c:releasedAt>2026-11-22T10:00:00Z</c:releasedAt>
                    <c:status>RELEASED</c:status>
                  </c:productionOrder></c:ReleaseProductionOrderRequest></soap:Body>
                </soap:Envelope>""".formatted(number, lot);
    }

    /** A request as the ERP sends it: with the callback credentials both sides were configured with. */
    private static io.restassured.specification.RequestSpecification asTheErp() {
        Map<String, String> credentials = ErpSimulator.credentialsForTheErp();
        return given().auth().preemptive().basic(credentials.get("millwright.kit.erp-callback.username"),
                credentials.get("millwright.kit.erp-callback.password"));
    }

    @Test
    void aReleaseWithTextTheDatabaseCannotStoreIsAClientFaultAndStoresNothing() {
        String number = "PO-NUL-" + System.nanoTime() % 1_000_000;
        String envelope = releaseWithoutOperations(number, "L-&#0;-X");
        var answer = asTheErp().contentType("text/xml; charset=UTF-8").header("SOAPAction", "urn:millwright:erp:callback:v1:ReleaseProductionOrder")
                .body(envelope).post("/soap/erp-callback");
        // XML 1.0 has no NUL character: the request is not even XML. SOAP 1.1 answers every fault with HTTP 500; the
        // fault code says it is the caller's (Client), and nothing was stored.
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.asString()).contains("<faultcode>soap:Client</faultcode>").contains("null character not allowed");
        given().get("/api/v1/production-orders/" + number).then().statusCode(404);
    }

    @Test
    void mesMessagesWithTextTheDatabaseCannotStoreAre422NamingTheField() {
        String confirmationId = "MES-C-NUL-" + System.nanoTime();
        given().contentType(ContentType.JSON).body("""
                {"confirmationId": "%s", "productionOrderId": "PO-700001", "type": "YIELD", "operationNumber": "0010",
                 "materialId": "FG-100", "quantity": {"value": 1, "unit": "EA"}, "operatorId": "OP\\u000017",
                 "recordedAt": "2026-11-22T10:15:30Z"}""".formatted(confirmationId))
                .post("/api/v1/mes/confirmations").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("operatorId"))
                .body("errors.message", hasItem("must not contain the NUL character (U+0000)"));
        given().contentType(ContentType.JSON)
                .body("{\"productionOrderId\": \"PO-\\u0000\", \"mesWorkOrderId\": \"WO-1\", \"acknowledgedAt\": \"2026-11-22T10:15:30Z\"}")
                .post("/api/v1/mes/acknowledgements").then().statusCode(422).body("errors.field", hasItem("productionOrderId"));
        given().urlEncodingEnabled(false).get("/api/v1/production-orders/PO-%00").then().statusCode(400)
                .body("errors.field", hasItem("id"));
        assertThat(PostgresDatabase.shared().count("select count(*) from production.mes_confirmation where confirmation_id = ?",
                confirmationId)).isZero();
    }

    @Test
    void confirmationsResentThreeTimesOutOfOrderArePostedOnceEachWithLotAndShift() {
        Map<String, Object> erpOrder = release(50);
        String number = number(erpOrder);
        awaitStatus(number, "ACKNOWLEDGED");
        MesSimulator mes = MesSimulator.shared();

        List<String> ids = new ArrayList<>();
        ids.add(send(mes, confirmation(number, "CONSUMPTION", null, "SF-150", 50, "EA", false)));
        ids.add(send(mes, confirmation(number, "YIELD", "0010", "FG-100", 50, "EA", false)));
        await().atMost(FLOW_TIMEOUT).until(() -> erpPostings(ids).size() == 2);
        // P4: the order is the active work order of the resource it was last confirmed on.
        given().get("/api/v1/resources/RES-CNC-01/active-work-order").then().statusCode(200)
                .body("productionOrderId", equalTo(number)).body("mesWorkOrderId", equalTo("WO-" + number))
                .body("operationNumber", equalTo("0010")).body("outputLot", equalTo(erpOrder.get("lot")));
        given().get("/api/v1/resources/RES-NOWHERE/active-work-order").then().statusCode(404);
        // M2/M4: every order on the resource, the one it is on first and marked active
        List<Map<String, Object>> onCnc = given().get("/api/v1/resources/RES-CNC-01/work-orders").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(onCnc.get(0)).containsEntry("productionOrderId", number).containsEntry("active", true)
                .containsEntry("operationNumber", "0010");
        assertThat(onCnc).filteredOn(o -> Boolean.TRUE.equals(o.get("active"))).hasSize(1);
        given().get("/api/v1/resources/RES-NOWHERE/work-orders").then().statusCode(200).body("size()", equalTo(0));

        Map<String, Object> scrap = confirmation(number, "SCRAP", "0020", "FG-100", 2, "EA", false);
        scrap.put("scrapReason", "LEAK");
        ids.add(send(mes, scrap));
        ids.add(send(mes, confirmation(number, "LABOUR", "0020", null, 95, "MIN", false)));
        ids.add(send(mes, confirmation(number, "YIELD", "0020", "FG-100", 48, "EA", true)));

        List<Integer> resent = mes.resendConfirmations(ids, 3, true);
        assertThat(resent).hasSize(15).containsOnly(202);
        assertThat(mes.confirmations()).filteredOn(c -> ids.contains(c.get("confirmationId")) && Boolean.TRUE.equals(c.get("duplicate")))
                .hasSize(15);

        JsonPath closed = awaitStatus(number, "CLOSED");
        await().atMost(FLOW_TIMEOUT).until(() -> erpPostings(ids).size() == ids.size());
        List<Map<String, Object>> postings = erpPostings(ids);
        assertThat(postings).extracting(p -> p.get("businessKey")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ErpSimulator.shared().calls("PostProductionConfirmation")).filteredOn(c -> ids.contains(c.get("businessKey")))
                .hasSize(ids.size());

        List<ConsumerRecord<String, byte[]>> events = awaitEvents(number, EventType.PRODUCTION_CONFIRMATION_POSTED, ids.size());
        assertThat(eventsOf(number, EventType.PRODUCTION_CONFIRMATION_POSTED)).hasSize(ids.size());
        List<ConfirmationPosted> posted = events.stream()
                .map(r -> DomainEvents.data(DomainEvents.fromConsumerRecord(r), ConfirmationPosted.class)).toList();
        assertThat(posted).extracting(p -> p.confirmation().confirmationId()).containsExactlyInAnyOrderElementsOf(ids);
        String componentLot = componentLot(erpOrder, "SF-150");
        for (ConfirmationPosted p : posted) {
            assertThat(p.erpDocumentNumber()).startsWith("PC-");
            assertThat(p.confirmation().shiftId()).isEqualTo(SHIFTS.shiftAt("1000", p.confirmation().occurredAt()).shiftId());
            switch (p.confirmation().kind()) {
                case COMPLETION, SCRAP -> assertThat(p.confirmation().lotId()).isEqualTo(erpOrder.get("lot"));
                case CONSUMPTION -> assertThat(p.confirmation().lotId()).isEqualTo(componentLot);
                case LABOUR -> assertThat(p.confirmation().lotId()).isNull();
            }
        }
        assertThat(posted).filteredOn(p -> p.confirmation().kind() == ConfirmationKind.SCRAP)
                .singleElement().satisfies(p -> assertThat(p.confirmation().reasonCode()).isEqualTo("LEAK"));

        assertThat(closed.getLong("confirmations.posted")).isEqualTo(5);
        assertThat(closed.getDouble("operations[0].completedQuantity")).isEqualTo(50.0);
        assertThat(closed.getDouble("operations[1].completedQuantity")).isEqualTo(48.0);
        assertThat(closed.getDouble("operations[1].scrapQuantity")).isEqualTo(2.0);
        assertThat(closed.getDouble("components[0].consumedQuantity")).isEqualTo(50.0);
        given().get("/api/v1/resources/RES-ASM-01/active-work-order").then()
                .body("productionOrderId", not(equalTo(number)));
        // closed: on no resource any more
        given().get("/api/v1/resources/RES-CNC-01/work-orders").then().statusCode(200).body("productionOrderId", not(hasItem(number)));
        given().get("/api/v1/resources/RES-ASM-01/work-orders").then().statusCode(200).body("productionOrderId", not(hasItem(number)));

        // the journey: the order's steps by its number, its lot, the component lot it used and a trace, with systems
        JsonPath journey = journey("production-order", number);
        assertThat(journey.getList("steps.step", String.class)).containsSubsequence("RELEASED", "DISPATCHED", "ACKNOWLEDGED",
                "CONFIRMATION_RECEIVED", "CONFIRMATION_POSTED", "CLOSED");
        assertThat(journey.getString("steps.find { it.step == 'RELEASED' }.system")).isEqualTo("ERP");
        assertThat(journey.getString("steps.find { it.step == 'ACKNOWLEDGED' }.system")).isEqualTo("MES");
        assertThat(journey.getList("steps.findAll { it.step == 'CONFIRMATION_POSTED' }.outcome", String.class)).hasSize(5).containsOnly("DONE");
        assertThat(journey.getList("related.id", String.class)).contains((String) erpOrder.get("lot"), componentLot);
        List<String> steps = journey.getList("steps.step", String.class);
        for (String[] key : new String[][] {{"lot", (String) erpOrder.get("lot")}, {"lot", componentLot},
                {"trace", journey.getString("steps[0].traceId")}}) {
            assertThat(journey(key[0], key[1]).getList("steps.step", String.class)).as("by %s %s", key[0], key[1]).containsAll(steps);
        }
        assertThat(journey("incident", "MI-000001").getList("steps")).as("production-service keeps no incidents").isEmpty();
    }

    private static JsonPath journey(String kind, String id) {
        return given().queryParam("kind", kind).queryParam("id", id).get("/api/v1/journey").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void confirmationsWrongForTheOrderEndAsDeadLettersWithTheReasonAndAreNotPosted() {
        String number = number(release(50));
        awaitStatus(number, "ACKNOWLEDGED");
        MesSimulator mes = MesSimulator.shared();

        String unknownOperation = send(mes, confirmation(number, "YIELD", "0099", "FG-100", 5, "EA", false));
        String tooMuch = send(mes, confirmation(number, "YIELD", "0010", "FG-100", 56, "EA", false)); // 50 + 10 % = 55
        String fine = send(mes, confirmation(number, "YIELD", "0010", "FG-100", 55, "EA", true));
        String closing = send(mes, confirmation(number, "YIELD", "0020", "FG-100", 50, "EA", true));
        awaitStatus(number, "CLOSED");
        String afterClose = send(mes, confirmation(number, "YIELD", "0020", "FG-100", 1, "EA", false));
        List<String> invalid = List.of(unknownOperation, tooMuch, afterClose);

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            List<Map<String, Object>> letters = given().get("/api/v1/dead-letters?routeId=production.confirmation&limit=1000")
                    .jsonPath().getList("$");
            assertThat(letters).anySatisfy(l -> assertThat((String) l.get("reason")).contains(unknownOperation, "has no operation 0099"));
            assertThat(letters).anySatisfy(l -> assertThat((String) l.get("reason")).contains(tooMuch, "would be 56 EA", "planned 50 EA"));
            assertThat(letters).anySatisfy(l -> assertThat((String) l.get("reason")).contains(afterClose, "is closed"));
        });
        JsonPath view = order(number);
        assertThat(view.getLong("confirmations.invalid")).isEqualTo(3);
        assertThat(view.getLong("confirmations.posted")).isEqualTo(2);
        assertThat(erpPostings(invalid)).isEmpty();
        assertThat(erpPostings(List.of(fine, closing))).hasSize(2);
        awaitEvents(number, EventType.PRODUCTION_CONFIRMATION_POSTED, 2);
        assertThat(eventsOf(number, EventType.PRODUCTION_CONFIRMATION_POSTED))
                .extracting(r -> DomainEvents.data(DomainEvents.fromConsumerRecord(r), ConfirmationPosted.class).confirmation().confirmationId())
                .containsExactlyInAnyOrder(fine, closing);
        // The dead letter keeps the confirmation as the MES sent it.
        String letterId = given().get("/api/v1/dead-letters?routeId=production.confirmation&limit=1000").jsonPath()
                .param("id", afterClose).getString("find { it.reason.contains(id) }.id");
        assertThat(given().get("/api/v1/dead-letters/" + letterId).jsonPath().getString("payload")).contains("\"confirmationId\"", afterClose);
    }

    @Test
    void malformedMesMessagesAreAnswered422WithFieldErrorsAndUnknownOrdersAcknowledged404() {
        given().contentType(ContentType.JSON).body("{\"type\": \"YIELD\", \"quantity\": {\"value\": -1}}")
                .post("/api/v1/mes/confirmations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("confirmationId"))
                .body("errors.field", hasItem("productionOrderId"))
                .body("errors.field", hasItem("quantity.value"))
                .body("errors.field", hasItem("quantity.unit"))
                .body("errors.field", hasItem("recordedAt"))
                .body("errors.field", hasItem("operationNumber"));
        given().contentType(ContentType.JSON).body("{\"confirmationId\": \"X\", \"type\": \"BOGUS\"}")
                .post("/api/v1/mes/confirmations").then().statusCode(422).body("errors.field", hasItem("type"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/v1/mes/confirmations").then().statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"productionOrderId\": \"PO-NONE\", \"mesWorkOrderId\": \"WO-PO-NONE\", \"acknowledgedAt\": \"2026-11-22T10:15:30Z\"}")
                .post("/api/v1/mes/acknowledgements").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"productionOrderId\": \"PO-NONE\"}")
                .post("/api/v1/mes/acknowledgements").then().statusCode(422);
    }

    @Test
    void erpDownDuringPostingsTheyWaitAndCompleteExactlyOnceWhenItIsBack() {
        String number = number(release(50));
        awaitStatus(number, "ACKNOWLEDGED");
        ErpSimulator.shared().injectFault("UNAVAILABLE", null, null, "PostProductionConfirmation");
        MesSimulator mes = MesSimulator.shared();
        List<String> ids = List.of(send(mes, confirmation(number, "YIELD", "0010", "FG-100", 20, "EA", false)),
                send(mes, confirmation(number, "YIELD", "0010", "FG-100", 30, "EA", false)));

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            given().get("/api/v1/status").then().body("confirmationsWaitingForErp", greaterThanOrEqualTo(1));
            // The first waits for ERP (its last error shows why); the second waits behind it, unvalidated.
            assertThat(order(number).getString("confirmations.items[0].reason")).contains("503");
        });
        assertThat(erpPostings(ids)).isEmpty();
        assertThat(order(number).getList("confirmations.items.status")).containsExactly("VALIDATED", "RECEIVED");

        ErpSimulator.shared().clearFaults();
        await().atMost(FLOW_TIMEOUT).until(() -> erpPostings(ids).size() == 2);
        awaitEvents(number, EventType.PRODUCTION_CONFIRMATION_POSTED, 2);
        assertThat(erpPostings(ids)).extracting(p -> p.get("businessKey")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(eventsOf(number, EventType.PRODUCTION_CONFIRMATION_POSTED)).hasSize(2);
        JsonPath view = order(number);
        assertThat(view.getList("confirmations.items.status")).containsOnly("POSTED");
        assertThat(view.getDouble("operations[0].completedQuantity")).isEqualTo(50.0);
        assertThat(given().get("/api/v1/production-orders/" + number + "/timeline").jsonPath().getList("step"))
                .contains("CONFIRMATION_POSTING_FAILED", "CONFIRMATION_POSTED");
    }

    @Test
    void mesDownAtDispatchTheOrderIsDispatchedOnceItIsBackAndCountsAsUnacknowledgedUntilAcknowledged() {
        MesSimulator mes = MesSimulator.shared();
        mes.configure(ProductionFixtures.baseUrl(), false, 0);
        mes.injectFault(null);
        String number = number(release(10));

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> given().get("/api/v1/production-orders/" + number).then()
                .body("status", equalTo("RELEASED"))
                .body("mes.dispatchAttempts", greaterThanOrEqualTo(2))
                .body("mes.lastDispatchError", org.hamcrest.Matchers.containsString("mes answered 503")));
        assertThat(given().get("/api/v1/status").jsonPath().getLong("waitingForDispatch")).isGreaterThanOrEqualTo(1);
        assertThat(mes.workOrder(number)).isEmpty();

        mes.clearFaults();
        awaitStatus(number, "DISPATCHED");
        assertThat(mes.workOrder(number).orElseThrow().get("dispatchCount")).isEqualTo(1);

        // Not acknowledged within the ack timeout (3 s in tests): counted and listed.
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            assertThat(given().get("/api/v1/production-orders?status=UNACKNOWLEDGED").jsonPath().getList("id")).contains(number);
            JsonPath status = given().get("/api/v1/status").jsonPath();
            assertThat(status.getLong("unacknowledgedWorkOrders")).isGreaterThanOrEqualTo(1);
            assertThat(status.getList("unacknowledged.productionOrderId")).contains(number);
            assertThat(Management.given().get("/q/metrics").asString()).containsPattern("millwright_production_unacknowledged_work_orders(\\{[^}]*\\})? [1-9]");
        });
        assertThat(order(number).getBoolean("mes.unacknowledged")).isTrue();

        assertThat(mes.acknowledge(number)).isEqualTo(204);
        awaitStatus(number, "ACKNOWLEDGED");
        assertThat(given().get("/api/v1/production-orders?status=UNACKNOWLEDGED").jsonPath().getList("id")).doesNotContain(number);
        assertThat(given().get("/api/v1/production-orders/" + number + "/timeline").jsonPath().getList("step"))
                .containsSubsequence("RELEASED", "DISPATCH_FAILED", "DISPATCHED", "ACKNOWLEDGED");
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        String openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/production-orders/{id}", "/api/v1/production-orders/{id}/timeline",
                "/api/v1/resources/{id}/active-work-order", "/api/v1/mes/confirmations", "/api/v1/mes/acknowledgements",
                "/api/v1/status", "/api/v1/dead-letters");
        Management.given().get("/q/health/ready").then().statusCode(200);
        given().get("/soap/erp-callback?wsdl").then().statusCode(200);
    }

    private static String send(MesSimulator mes, Map<String, Object> confirmation) {
        Map<String, Object> sent = mes.sendConfirmationRecord(confirmation);
        assertThat(sent.get("status")).as("answer to %s", sent).isEqualTo(202);
        return (String) sent.get("confirmationId");
    }

    @SuppressWarnings("unchecked")
    private static String componentLot(Map<String, Object> erpOrder, String itemId) {
        return ((List<Map<String, Object>>) erpOrder.get("components")).stream().filter(c -> itemId.equals(c.get("itemId")))
                .map(c -> (String) c.get("lot")).findFirst().orElse(null);
    }

    private static String toJson(Object value) {
        try {
            return io.millwright.model.common.ModelJson.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
