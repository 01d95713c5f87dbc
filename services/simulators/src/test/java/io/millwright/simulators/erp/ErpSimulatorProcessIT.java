package io.millwright.simulators.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.PostgresDatabase;

/**
 * The packaged ERP simulator as every service's tests start it (the kit's {@link ErpSimulator} launcher, a child
 * JVM on the shared test database), driven through its admin API. Runs after packaging (failsafe).
 */
class ErpSimulatorProcessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LIST_ITEMS = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:erp=\"urn:millwright:erp:v1\"><soapenv:Body><erp:ListItemsRequest/></soapenv:Body></soapenv:Envelope>";

    private ErpSimulator erp;

    @BeforeEach
    void resetSimulator() {
        erp = ErpSimulator.shared();
        erp.reset();
    }

    @AfterEach
    void clearFaults() {
        erp.clearFaults();
    }

    @Test
    void runsOnTheSharedDatabaseAndServesTheWsdl() throws Exception {
        assertThat(ErpSimulator.shared().baseUrl()).isEqualTo(erp.baseUrl());
        assertThat(erp.soapUrl()).isEqualTo(erp.baseUrl() + "/soap/erp");
        assertThat(PostgresDatabase.shared().count(
                "select count(*) from information_schema.schemata where schema_name = 'erp_sim'")).isEqualTo(1);

        HttpResponse<String> wsdl = HTTP.send(HttpRequest.newBuilder(URI.create(erp.soapUrl() + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("ErpService");
    }

    @Test
    void resourcePointsServicesAtTheSoapEndpoint() {
        assertThat(new ErpSimulatorResource().start()).containsOnly(Map.entry("millwright.erp.url", erp.soapUrl()));
    }

    @Test
    void recordsSoapCallsAndClearsThemOnReset() throws Exception {
        assertThat(listItems().statusCode()).isEqualTo(200);

        assertThat(erp.calls("ListItems")).hasSize(1).first().satisfies(call -> assertThat(call).containsEntry("operation", "ListItems"));
        assertThat(erp.calls(null)).hasSize(1);
        assertThat(erp.calls("CreateSalesOrder")).isEmpty();

        erp.reset();
        assertThat(erp.calls(null)).isEmpty();
    }

    @Test
    void injectedUnavailabilityLastsUntilCleared() throws Exception {
        erp.injectFault("UNAVAILABLE", Duration.ofMinutes(5), null, null);
        assertThat(listItems().statusCode()).isEqualTo(503);

        erp.clearFaults();
        assertThat(listItems().statusCode()).isEqualTo(200);
    }

    @Test
    void soapFaultsCanTargetOneOperation() throws Exception {
        erp.injectFault("SOAP_FAULT", null, null, "ListItems");

        HttpResponse<String> response = listItems();
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault");
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        erp.injectFault("LATENCY", Duration.ofSeconds(30), 1500L, null);

        long started = System.nanoTime();
        assertThat(listItems().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void adminQueriesAnswerJsonArrays() {
        assertThat(erp.salesOrders(null)).isNotNull();
        assertThat(erp.salesOrders("CRM-does-not-exist")).isEmpty();
        assertThat(erp.postings("confirmation")).isEmpty();
    }

    @Test
    void rejectedAdminRequestsSayWhy() {
        assertThatThrownBy(() -> erp.postings("no-such-type"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 400")
                .hasMessageContaining("unknown posting type");
    }

    private HttpResponse<String> listItems() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(erp.soapUrl()))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:millwright:erp:v1:ListItems\"")
                .POST(HttpRequest.BodyPublishers.ofString(LIST_ITEMS))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
