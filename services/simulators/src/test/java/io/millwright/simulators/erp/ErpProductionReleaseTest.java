package io.millwright.simulators.erp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.erp.contract.ErpPortType;
import io.millwright.erp.contract.ListReleasedProductionOrdersRequest;
import io.millwright.erp.contract.MovementType;
import io.millwright.erp.contract.ProductionOrder;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.simulators.HttpStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Production orders from routing and BOM, released with a real SOAP call to a callback receiver. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ErpProductionReleaseTest {

    private static final String SOAP_ANSWER = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><cb:ReleaseProductionOrderResponse xmlns:cb=\"urn:millwright:erp:callback:v1\">"
            + "<cb:accepted>true</cb:accepted><cb:duplicate>%s</cb:duplicate></cb:ReleaseProductionOrderResponse>"
            + "</soap:Body></soap:Envelope>";

    @TestHTTPResource("/soap/erp")
    URL soapUrl;

    ErpPortType erp;
    HttpStub receiver;

    @BeforeEach
    void setUp() throws Exception {
        given().post("/sim/erp/reset").then().statusCode(204);
        erp = ErpSoapClient.port(soapUrl);
        receiver = HttpStub.start();
        // accepted the first time a production order arrives, duplicate after that
        receiver.answer(request -> {
            String number = between(request.body(), "productionOrderNumber>", "<");
            long seen = receiver.received().stream().filter(r -> r.body().contains(number + "<")).count();
            return new HttpStub.Answer(200, "text/xml; charset=UTF-8", SOAP_ANSWER.formatted(seen > 1), Map.of());
        });
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void createdOrderFollowsRoutingAndBomAndItsReleaseIsAnnouncedOverSoap() throws Exception {
        setCallback(receiver.baseUrl() + "/soap/production-order-release");

        Map<String, Object> created = given().contentType(ContentType.JSON)
                .body(Map.of("itemId", "FG-100", "quantity", 40, "salesOrderNumber", "SO-424242", "release", true))
                .post("/sim/erp/production-orders").then().statusCode(201)
                .body("status", equalTo("RELEASED"))
                .body("salesOrderNumber", equalTo("SO-424242"))
                .body("operations", hasSize(2))
                .body("operations[0].resourceId", equalTo("RES-CNC-01"))
                .body("operations[1].resourceId", equalTo("RES-ASM-01"))
                .body("components[0].itemId", equalTo("SF-150"))
                .body("components[0].requiredQuantity", equalTo(40.0f))
                .body("components[0].lot", equalTo("L-SF150-0001"))
                .body("release.outcome", equalTo("OK"))
                .extract().jsonPath().getMap("");
        String number = (String) created.get("productionOrderNumber");
        assertThat(number).matches("PO-7\\d{5}");
        assertThat((String) created.get("lot")).matches("L-FG100-\\d{4}");

        assertThat(receiver.received()).hasSize(1);
        HttpStub.Received call = receiver.received().get(0);
        assertThat(call.header("SOAPAction")).contains("urn:millwright:erp:callback:v1:ReleaseProductionOrder");
        assertThat(call.header("X-Correlation-Id")).isNotBlank();
        assertThat(call.body()).contains(number, "SO-424242", "RES-CNC-01", "SF-150");

        // the released order is also what ListReleasedProductionOrders answers
        ListReleasedProductionOrdersRequest list = new ListReleasedProductionOrdersRequest();
        list.setReleasedSince(Instant.now().minusSeconds(600));
        List<ProductionOrder> released = erp.listReleasedProductionOrders(list).getProductionOrder();
        assertThat(released).extracting(ProductionOrder::getProductionOrderNumber).contains(number);

        // sent again: the receiver says duplicate, and the call log shows both
        given().post("/sim/erp/production-orders/" + number + "/release").then().statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        given().queryParam("operation", "ReleaseProductionOrder").get("/sim/erp/calls").then().statusCode(200)
                .body("outcome", equalTo(List.of("OK", "DUPLICATE")))
                .body("businessKey", equalTo(List.of(number, number)));
    }

    @Test
    void releaseToAReceiverThatIsDownIsRecordedAndCanBeSentAgain() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        setCallback("http://127.0.0.1:" + closedPort + "/soap/production-order-release");
        String number = given().contentType(ContentType.JSON)
                .body(Map.of("itemId", "FG-200", "quantity", 3, "release", true))
                .post("/sim/erp/production-orders").then().statusCode(201)
                .body("release.outcome", equalTo("FAILED"))
                .body("components[0].itemId", equalTo("RM-300"))
                .body("components[0].requiredQuantity", equalTo(13.5f))
                .extract().path("productionOrderNumber");

        setCallback(receiver.baseUrl() + "/soap/production-order-release");
        given().post("/sim/erp/production-orders/" + number + "/release").then().statusCode(200)
                .body("outcome", equalTo("OK"));
        given().queryParam("operation", "ReleaseProductionOrder").get("/sim/erp/calls").then()
                .body("outcome", equalTo(List.of("FAILED", "OK")));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void autoReleaseMakesAProductionOrderForEachManufacturedLineWithoutHoldingTheSoapAnswer() throws Exception {
        setCallback(receiver.baseUrl() + "/soap/production-order-release");
        given().contentType(ContentType.JSON).body(Map.of("autoRelease", true, "autoReleaseDelayMs", 0))
                .post("/sim/erp/settings").then().statusCode(200).body("autoRelease", equalTo(true));

        String salesOrder = erp.createSalesOrder(ErpRequests.salesOrder("CRM-AUTO-1", "C-1001", "FG-100", "7"))
                .getSalesOrderNumber();
        // a raw material line makes no production order
        erp.createSalesOrder(ErpRequests.salesOrder("CRM-AUTO-2", "C-1001", "RM-310", "7"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
        assertThat(receiver.received().get(0).body()).contains(salesOrder, "FG-100");
        given().get("/sim/erp/production-orders").then().statusCode(200)
                .body("findAll { it.salesOrderNumber == '" + salesOrder + "' }.quantity", equalTo(List.of(7.0f)))
                .body("findAll { it.salesOrderNumber == '" + salesOrder + "' }.status", equalTo(List.of("RELEASED")));

        // a reset forgets created orders and settings but keeps the seeded ones
        given().post("/sim/erp/reset").then().statusCode(204);
        given().get("/sim/erp/production-orders").then()
                .body("productionOrderNumber", equalTo(List.of("PO-700001", "PO-700002")));
        given().get("/sim/erp/settings").then().body("autoRelease", equalTo(false))
                .body("releaseCallbackUrl", equalTo(null));
    }

    @Test
    void stockCanBeOverwrittenAndMovementsChangeIt() throws Exception {
        given().contentType(ContentType.JSON)
                .body(Map.of("itemId", "FG-100", "plant", "1000", "location", "FG01", "lot", "L-FG100-0001",
                        "status", "UNRESTRICTED", "quantity", 480))
                .put("/sim/erp/stock").then().statusCode(200).body("quantity", equalTo(480));
        erp.postGoodsMovement(ErpRequests.goodsMovement("GM-T-1", MovementType.GOODS_ISSUE, "FG-100", "L-FG100-0001",
                "30"));
        erp.postGoodsMovement(ErpRequests.goodsMovement("GM-T-2", MovementType.GOODS_RECEIPT, "FG-100", "L-FG100-0009",
                "12"));
        given().queryParam("itemId", "FG-100").get("/sim/erp/stock").then().statusCode(200)
                .body("findAll { it.lot == 'L-FG100-0001' }.quantity", equalTo(List.of(450.0f)))
                .body("findAll { it.lot == 'L-FG100-0009' }.quantity", equalTo(List.of(12.0f)));

        given().contentType(ContentType.JSON)
                .body(Map.of("itemId", "FG-100", "plant", "1000", "location", "FG01", "quantity", -1))
                .put("/sim/erp/stock").then().statusCode(400);
    }

    private static void setCallback(String url) {
        given().contentType(ContentType.JSON).body(Map.of("releaseCallbackUrl", url))
                .post("/sim/erp/settings").then().statusCode(200).body("releaseCallbackUrl", equalTo(url));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return "";
        }
        from += start.length();
        int to = text.indexOf(end, from);
        return to < 0 ? "" : text.substring(from, to);
    }
}
