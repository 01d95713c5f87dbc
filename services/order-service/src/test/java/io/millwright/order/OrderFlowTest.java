package io.millwright.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.common.Money;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.order.OrderAccepted;
import io.millwright.model.order.OrderConfirmed;
import io.millwright.model.schema.JsonSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.millwright.kit.testing.Management;

/** O1–O3, O5 against real Kafka, PostgreSQL and the ERP simulator over SOAP. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
@QuarkusTestResource(OrderCollaboratorsResource.class)
class OrderFlowTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(40);

    @org.junit.jupiter.api.BeforeEach
    void serviceReady() {
        OrderFixtures.awaitReady();
    }

    @AfterEach
    void erpBackToNormal() {
        ErpSimulator.shared().clearFaults();
    }

    @Test
    void acceptedOrderIsPostedToErpOnceAndPublishedAsCloudEvents() {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        Response response = given().contentType(ContentType.JSON).header("X-Correlation-Id", "corr-" + crmOrderId)
                .body(OrderFixtures.order("valid-order", crmOrderId))
                .post("/api/v1/orders");
        response.then().statusCode(202)
                .header("X-Correlation-Id", "corr-" + crmOrderId)
                .body("crmOrderId", equalTo(crmOrderId))
                .body("status", equalTo("ACCEPTED"))
                .body("lines[0].availability", equalTo("AVAILABLE"))
                .body("lines[1].availability", equalTo("SHORT"));
        String orderId = response.jsonPath().getString("id");
        assertThat(response.header("Location")).endsWith("/api/v1/orders/" + orderId);

        JsonPath confirmed = awaitStatus(orderId, "CONFIRMED");
        String erpNumber = confirmed.getString("erpSalesOrderNumber");
        assertThat(erpNumber).startsWith("SO-");
        assertThat(confirmed.getList("timeline.step")).containsSubsequence("ACCEPTED", "AVAILABILITY_CHECKED", "CONFIRMED_BY_ERP");
        assertThat(confirmed.getList("timeline.correlationId", String.class)).containsOnly("corr-" + crmOrderId);
        assertThat(confirmed.getList("timeline.traceId", String.class)).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));

        List<Map<String, Object>> erpOrders = ErpSimulator.shared().salesOrders(orderId);
        assertThat(erpOrders).hasSize(1);
        assertThat(erpOrders.get(0)).containsEntry("salesOrderNumber", erpNumber).containsEntry("customerId", "C-1001");
        String traceId = confirmed.getString("timeline[0].traceId");
        assertThat(ErpSimulator.shared().calls("CreateSalesOrder")).anySatisfy(call -> {
            assertThat(call).containsEntry("businessKey", orderId);
            assertThat(call.get("correlationId")).isEqualTo("corr-" + crmOrderId);
            // X1: the SOAP request carries the W3C trace context of the request that accepted the order
            assertThat((String) call.get("traceparent")).contains("-" + traceId + "-");
        });

        ConsumerRecord<String, byte[]> accepted = awaitEvent(orderId, EventType.ORDER_ACCEPTED);
        ConsumerRecord<String, byte[]> confirmedEvent = awaitEvent(orderId, EventType.ORDER_CONFIRMED);
        for (ConsumerRecord<String, byte[]> record : List.of(accepted, confirmedEvent)) {
            assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("urn:millwright:order-service");
            assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(orderId);
            assertThat(KafkaTestClient.header(record, "ce_id")).isNotBlank();
            assertThat(KafkaTestClient.header(record, "ce_correlationid")).isEqualTo("corr-" + crmOrderId);
            assertThat(KafkaTestClient.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            CloudEvent event = DomainEvents.fromConsumerRecord(record);
            EventType type = EventType.fromType(event.getType());
            assertThat(KafkaTestClient.header(record, "ce_dataschema")).isEqualTo(type.dataschema().toString());
            assertThat(JsonSchemas.validate(type, record.value())).isEmpty();
        }
        OrderAccepted acceptedData = DomainEvents.data(DomainEvents.fromConsumerRecord(accepted), OrderAccepted.class);
        assertThat(acceptedData.crmOrderId()).isEqualTo(crmOrderId);
        assertThat(acceptedData.total()).isEqualTo(Money.of("9815.00", "EUR"));
        OrderConfirmed confirmedData = DomainEvents.data(DomainEvents.fromConsumerRecord(confirmedEvent), OrderConfirmed.class);
        assertThat(confirmedData.erpSalesOrderNumber()).isEqualTo(erpNumber);
        // The asynchronous ERP step and both events stay in the trace of the request that accepted the order.
        assertThat(traceId(accepted)).isEqualTo(traceId);
        assertThat(traceId(confirmedEvent)).isEqualTo(traceId);
    }

    @Test
    void sameCrmOrderIdThreeTimesGivesOneOrderOneErpOrderOneSetOfEvents() {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        String body = OrderFixtures.order("valid-order", crmOrderId);
        String orderId = given().contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                .then().statusCode(202).extract().path("id");
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                    .then().statusCode(200).header("X-Millwright-Duplicate", "true").body("id", equalTo(orderId));
        }
        awaitStatus(orderId, "CONFIRMED");
        assertOneErpOrderAndOneSetOfEvents(orderId);
    }

    @Test
    void concurrentDuplicatesGiveOneOrder() throws Exception {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        String body = OrderFixtures.order("valid-order", crmOrderId);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> submissions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                submissions.add(() -> given().contentType(ContentType.JSON).body(body).post("/api/v1/orders"));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(submissions)) {
                responses.add(f.get());
            }
            assertThat(responses).extracting(Response::statusCode).containsOnly(200, 202);
            assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(1);
            assertThat(responses).extracting(r -> r.jsonPath().getString("id")).containsOnly(responses.get(0).jsonPath().getString("id"));
            String orderId = responses.get(0).jsonPath().getString("id");
            awaitStatus(orderId, "CONFIRMED");
            assertOneErpOrderAndOneSetOfEvents(orderId);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void erpUnavailableOrderWaitsThenIsPostedOnce() {
        ErpSimulator.shared().injectFault("UNAVAILABLE", null, null, null);
        String crmOrderId = OrderFixtures.newCrmOrderId();
        String orderId = given().contentType(ContentType.JSON).body(OrderFixtures.order("valid-order", crmOrderId))
                .post("/api/v1/orders").then().statusCode(202)
                // availability comes from inventory-service, not ERP: an ERP outage does not make it unknown
                .body("lines[0].availability", equalTo("AVAILABLE"))
                .extract().path("id");

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> given().get("/api/v1/orders/" + orderId).then()
                .body("status", equalTo("WAITING_FOR_ERP"))
                .body("erp.attempts", org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        String metrics = Management.given().get("/q/metrics").asString();
        assertThat(metrics).containsPattern("millwright_orders_waiting_erp(\\{[^}]*\\})? [1-9]");
        assertThat(ErpSimulator.shared().salesOrders(orderId)).isEmpty();

        ErpSimulator.shared().clearFaults();
        JsonPath confirmed = awaitStatus(orderId, "CONFIRMED");
        assertThat(confirmed.getList("timeline.step")).contains("AVAILABILITY_CHECKED", "ERP_POSTING_FAILED", "CONFIRMED_BY_ERP");
        assertOneErpOrderAndOneSetOfEvents(orderId);
    }

    @Test
    void erpSlowerThanTheClientTimeoutStillGetsTheOrderExactlyOnce() {
        // Each call sleeps past the client's receive timeout but ERP still creates the order: the retry must not
        // create a second one (ERP answers the known externalReference with duplicate=true).
        ErpSimulator.shared().injectFault("LATENCY", Duration.ofSeconds(3), 2500L, "CreateSalesOrder");
        String orderId = given().contentType(ContentType.JSON).body(OrderFixtures.order("valid-order", OrderFixtures.newCrmOrderId()))
                .post("/api/v1/orders").then().statusCode(202).extract().path("id");
        JsonPath confirmed = awaitStatus(orderId, "CONFIRMED");
        assertThat(confirmed.getList("timeline.detail", String.class)).anySatisfy(d -> assertThat(d).contains("already had it"));
        assertThat(ErpSimulator.shared().calls("CreateSalesOrder")).filteredOn(c -> orderId.equals(c.get("businessKey")))
                .hasSizeGreaterThan(1);
        assertOneErpOrderAndOneSetOfEvents(orderId);
    }

    @Test
    void erpBusinessRejectionEndsTheOrderRejectedWithAnEventAndNoRetry() {
        ErpSimulator.shared().injectFault("SOAP_FAULT", null, null, "CreateSalesOrder", "BUS-CREDIT-BLOCKED");
        String orderId = given().contentType(ContentType.JSON).body(OrderFixtures.order("valid-order", OrderFixtures.newCrmOrderId()))
                .post("/api/v1/orders").then().statusCode(202).extract().path("id");
        JsonPath rejected = awaitStatus(orderId, "REJECTED");
        assertThat(rejected.getString("erp.rejectionCode")).isEqualTo("BUS-CREDIT-BLOCKED");
        assertThat(rejected.getList("timeline.step")).endsWith("REJECTED_BY_ERP");
        ConsumerRecord<String, byte[]> event = awaitEvent(orderId, EventType.ORDER_REJECTED);
        assertThat(DomainEvents.data(DomainEvents.fromConsumerRecord(event), io.millwright.model.order.OrderRejected.class).reasonCode())
                .isEqualTo("BUS-CREDIT-BLOCKED");
        // A business rejection is final: one call, no retries, nothing created in ERP.
        assertThat(ErpSimulator.shared().calls("CreateSalesOrder")).filteredOn(c -> orderId.equals(c.get("businessKey"))).hasSize(1);
        assertThat(ErpSimulator.shared().salesOrders(orderId)).isEmpty();
    }

    @Test
    void openApiDocumentDescribesTheOrderApi() {
        String openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/dead-letters");
    }

    static JsonPath awaitStatus(String orderId, String status) {
        // The order's state is the outcome under test. When the ERP answers after the client gave up, CXF's HTTP
        // client thread can throw on unwinding the already failed call (NoSuchElementException in
        // PhaseInterceptorChain.unwind); Awaitility would report that foreign thread's exception as this test's.
        await().dontCatchUncaughtExceptions().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/api/v1/orders/" + orderId).then().statusCode(200).body("status", equalTo(status)));
        return given().get("/api/v1/orders/" + orderId).jsonPath();
    }

    static ConsumerRecord<String, byte[]> awaitEvent(String orderId, EventType type) {
        return KafkaTestClient.await(Topics.ORDER_EVENTS, r -> OrderFixtures.isEvent(r, orderId, type.type()), 1, FLOW_TIMEOUT).get(0);
    }

    static void assertOneErpOrderAndOneSetOfEvents(String orderId) {
        assertThat(ErpSimulator.shared().salesOrders(orderId)).hasSize(1);
        awaitEvent(orderId, EventType.ORDER_CONFIRMED);
        List<ConsumerRecord<String, byte[]>> events = OrderFixtures.eventsOf(orderId);
        assertThat(events).extracting(r -> KafkaTestClient.header(r, "ce_type"))
                .containsExactly(EventType.ORDER_ACCEPTED.type(), EventType.ORDER_CONFIRMED.type());
    }

    private static String traceId(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8).split("-")[1];
    }
}
