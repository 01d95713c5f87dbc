package io.millwright.simulators.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.CrmSimulator;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.WmsSimulator;

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
        assertThat(new ErpSimulatorResource().start()).containsEntry("millwright.kit.targets.erp.url", erp.soapUrl())
                .containsAllEntriesOf(ErpSimulator.credentialsForTheErp());
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

    @Test
    void kitClientsDriveTheErpPlanningAndThePlantApplicationsOfTheSameProcess() throws Exception {
        Map<String, Object> order = erp.createProductionOrder("FG-100", new BigDecimal("12"), null, true);
        assertThat(order).containsEntry("status", "RELEASED");
        assertThat(order.get("release").toString()).contains("outcome=FAILED");
        String number = (String) order.get("productionOrderNumber");
        assertThat(erp.releaseProductionOrder(number)).containsEntry("outcome", "FAILED");
        assertThat(erp.calls("ReleaseProductionOrder")).hasSize(2);
        erp.setAutoRelease(true);
        erp.setReleaseCallbackUrl("http://127.0.0.1:1/soap/release");
        assertThat(erp.settings()).containsEntry("autoRelease", true);
        erp.setStock("FG-100", "1000", "FG01", "L-FG100-0001", "BLOCKED", new BigDecimal("7"));
        assertThat(erp.stock("FG-100")).anySatisfy(balance -> assertThat(balance)
                .containsEntry("lot", "L-FG100-0001").containsEntry("status", "BLOCKED"));
        assertThat(erp.stock()).hasSizeGreaterThan(1);

        MesSimulator mes = MesSimulator.shared();
        mes.reset();
        mes.configure("http://127.0.0.1:1", false, 0);
        assertThat(mes.baseUrl()).isEqualTo(erp.baseUrl());
        HttpResponse<String> dispatched = post(mes.workOrdersUrl(), "{\"productionOrderId\":\"PO-IT-1\",\"plantId\":\"1000\","
                + "\"itemId\":\"FG-100\",\"quantity\":{\"value\":5,\"unit\":\"EA\"},\"operations\":[{\"operationNumber\":"
                + "\"0010\",\"resourceId\":\"RES-CNC-01\",\"plannedQuantity\":{\"value\":5,\"unit\":\"EA\"}}]}");
        assertThat(dispatched.statusCode()).isEqualTo(201);
        assertThat(mes.workOrders()).hasSize(1);
        assertThat(mes.workOrder("PO-IT-1")).hasValueSatisfying(wo -> assertThat(wo).containsEntry("status", "RECEIVED"));
        assertThat(mes.workOrder("PO-none")).isEmpty();
        assertThat(mes.acknowledge("PO-IT-1")).isZero();
        assertThat(mes.sendConfirmation(Map.of("productionOrderId", "PO-IT-1", "type", "YIELD"))).isZero();
        String confirmationId = (String) mes.confirmations().get(0).get("confirmationId");
        assertThat(mes.resendConfirmations(List.of(confirmationId), 2, true)).containsExactly(0, 0);
        mes.injectFault(Duration.ofMinutes(1));
        assertThat(post(mes.workOrdersUrl(), "{}").statusCode()).isEqualTo(503);
        mes.clearFaults();

        WmsSimulator wms = WmsSimulator.shared();
        wms.reset();
        wms.configure("http://127.0.0.1:1");
        assertThat(post(wms.stockStatusUrl(), "{\"requestId\":\"R-IT\",\"plantId\":\"1000\",\"itemId\":\"FG-100\","
                + "\"status\":\"BLOCKED\"}").statusCode()).isEqualTo(200);
        assertThat(wms.stockStatusRequests()).hasSize(1);
        assertThat(wms.sendReceipt(Map.of("itemId", "RM-300"))).isZero();
        wms.injectFault(null);
        assertThat(post(wms.stockStatusUrl(), "{}").statusCode()).isEqualTo(503);
        wms.clearFaults();

        CrmSimulator crm = CrmSimulator.shared();
        crm.reset();
        String milestone = "{\"eventId\":\"e-IT\",\"orderId\":\"o-IT\",\"crmOrderId\":\"CRM-IT\","
                + "\"milestone\":\"PRODUCTION_RELEASED\",\"reachedAt\":\"2026-11-22T10:00:00Z\"}";
        // the shared simulators process checks milestone signatures with the test JVM's CRM secret
        assertThat(postSigned(crm.webhookUrl(), milestone).statusCode()).isEqualTo(204);
        assertThat(postSigned(crm.webhookUrl(), milestone).statusCode()).isEqualTo(204);
        assertThat(post(crm.webhookUrl(), milestone).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(crm.milestones("CRM-IT")).singleElement().satisfies(m -> assertThat(m).containsEntry("deliveries", 2));
        assertThat(crm.rejections()).singleElement().satisfies(r -> assertThat(r).containsEntry("verdict", "MISSING"));
        crm.injectFault(Duration.ofSeconds(30));
        assertThat(postSigned(crm.webhookUrl(), milestone).statusCode()).isEqualTo(503);
        crm.clearFaults();

        erp.reset();
        assertThat(erp.productionOrders()).extracting(o -> o.get("productionOrderNumber"))
                .containsExactly("PO-700001", "PO-700002");
        assertThat(erp.settings()).containsEntry("autoRelease", false);
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theErpRefusesCallsWithoutItsSoapUserWithASoapFault() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(erp.soapUrl()))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"urn:millwright:erp:v1:ListItems\"")
                .POST(HttpRequest.BodyPublishers.ofString(LIST_ITEMS)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("Fault").contains("Client").contains("HTTP Basic credentials");
        assertThat(listItems().statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> postSigned(String url, String json) throws IOException, InterruptedException {
        String signature = io.millwright.model.webhook.WebhookSignature.sign(CrmSimulator.webhookSecret(), java.time.Instant.now(),
                java.util.UUID.randomUUID().toString(), json);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(io.millwright.model.webhook.WebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> listItems() throws IOException, InterruptedException {
        Map<String, String> credentials = ErpSimulator.credentialsForTheErp();
        String basic = java.util.Base64.getEncoder().encodeToString((credentials.get("millwright.kit.targets.erp.username") + ":"
                + credentials.get("millwright.kit.targets.erp.password")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(erp.soapUrl()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:millwright:erp:v1:ListItems\"")
                .POST(HttpRequest.BodyPublishers.ofString(LIST_ITEMS))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
