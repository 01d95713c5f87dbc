package io.millwright.simulators.erp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.erp.contract.ErpPortType;
import io.millwright.erp.contract.ListCustomersRequest;
import io.millwright.erp.contract.ListItemsRequest;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.xml.ws.WebServiceException;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ErpFaultInjectionTest {

    private static final String CREATE_SALES_ORDER_ACTION = "\"urn:millwright:erp:v1:CreateSalesOrder\"";

    @TestHTTPResource("/soap/erp")
    URL soapUrl;

    ErpPortType erp;

    @BeforeEach
    void resetSimulator() {
        given().post("/sim/erp/reset").then().statusCode(204);
        erp = ErpSoapClient.port(soapUrl);
    }

    @AfterEach
    void clearFaults() {
        given().delete("/sim/erp/faults").then().statusCode(204);
    }

    @Test
    void unavailableAnswers503UntilCleared() throws Exception {
        injectFault(Map.of("mode", "UNAVAILABLE"));

        postRawSalesOrder("corr-down").then().statusCode(503);
        given().queryParam("wsdl", "").get("/soap/erp").then().statusCode(503);
        assertThatThrownBy(() -> erp.listCustomers(new ListCustomersRequest()))
                .isInstanceOf(WebServiceException.class);
        given().queryParam("operation", "CreateSalesOrder").get("/sim/erp/calls").then()
                .body("$", hasSize(1))
                .body("[0].outcome", equalTo("UNAVAILABLE"))
                .body("[0].correlationId", equalTo("corr-down"));
        given().get("/sim/erp/sales-orders").then().body("$", hasSize(0));

        given().delete("/sim/erp/faults").then().statusCode(204);

        postRawSalesOrder("corr-up").then().statusCode(200);
        assertThat(erp.listCustomers(new ListCustomersRequest()).getCustomer()).hasSize(3);
        given().get("/sim/erp/sales-orders").then().body("[0].externalReference", equalTo("CRM-RAW-1"));
    }

    @Test
    void faultExpiresByItself() {
        injectFault(Map.of("mode", "UNAVAILABLE", "durationSeconds", 1));
        given().get("/sim/erp/faults").then().statusCode(200).body("mode", equalTo("UNAVAILABLE"));
        given().queryParam("wsdl", "").get("/soap/erp").then().statusCode(503);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().queryParam("wsdl", "").get("/soap/erp").statusCode() == 200);
        given().get("/sim/erp/faults").then().statusCode(204);
    }

    @Test
    void soapFaultModeAnswersTechnicalFaultForTheNamedOperation() throws Exception {
        injectFault(Map.of("mode", "SOAP_FAULT", "operation", "CreateSalesOrder"));

        ErpSoapEndpointTest.assertFault(
                () -> erp.createSalesOrder(ErpRequests.salesOrder("CRM-5001", "C-1001", "FG-100", "1")),
                "TEC-BACKEND-UNAVAILABLE");
        assertThat(erp.listItems(new ListItemsRequest()).getItem()).hasSize(8);
        given().get("/sim/erp/sales-orders").then().body("$", hasSize(0));
        given().get("/sim/erp/calls").then().body("outcome", equalTo(List.of("FAULT", "OK")));
    }

    @Test
    void latencyDelaysThenAnswersNormally() throws Exception {
        long latencyMs = 1500;
        injectFault(Map.of("mode", "LATENCY", "latencyMs", latencyMs));
        given().get("/sim/erp/faults").then().body("latencyMs", equalTo((int) latencyMs));

        long started = System.nanoTime();
        int customers = erp.listCustomers(new ListCustomersRequest()).getCustomer().size();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(customers).isEqualTo(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(latencyMs));
    }

    @Test
    void incompleteFaultsAreRejected() {
        given().contentType(ContentType.JSON).body(Map.of("mode", "LATENCY")).post("/sim/erp/faults")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("mode", "SOAP_FAULT", "operation", "NoSuchOperation"))
                .post("/sim/erp/faults").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("mode", "EARTHQUAKE")).post("/sim/erp/faults")
                .then().statusCode(400);
        given().get("/sim/erp/faults").then().statusCode(204);
    }

    private static void injectFault(Map<String, Object> fault) {
        given().contentType(ContentType.JSON).body(fault).post("/sim/erp/faults").then().statusCode(204);
    }

    private static io.restassured.response.Response postRawSalesOrder(String correlationId) throws IOException {
        return given()
                .contentType("text/xml; charset=UTF-8")
                .header("SOAPAction", CREATE_SALES_ORDER_ACTION)
                .header("X-Correlation-Id", correlationId)
                .body(fixture("fixtures/erp/create-sales-order.xml"))
                .post("/soap/erp");
    }

    private static String fixture(String path) throws IOException {
        try (InputStream in = ErpFaultInjectionTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
