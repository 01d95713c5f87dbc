package io.millwright.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.testing.TestTokens;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.CrmSimulator;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.QmsSimulator;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.ServiceProperties;
import io.millwright.kit.testing.WmsSimulator;
import io.millwright.model.common.ModelJson;

/**
 * The whole chain with every part a real process: a CRM order for FG-100 becomes an ERP sales order, the ERP
 * releases a production order for it to production-service, the MES gets the work order, acknowledges and confirms
 * it, production-service posts the confirmations to the ERP, inventory-service books and posts the goods movements,
 * and order-service reports the milestones to the CRM. The QMS fails the lot: quality-service holds it (inventory-service
 * in the ERP and the WMS), order-service puts the order at risk and blocks its delivery; the QMS's usage decision
 * releases the lot, the delivery goes to the WMS, the WMS ships and the CRM hears SHIPPED.
 */
class FullChainIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final BigDecimal QUANTITY = BigDecimal.valueOf(6);

    private static final List<ServiceProcess> SERVICES = new ArrayList<>();

    @AfterAll
    static void stop() {
        // order-service first: it consumes what the others publish
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            SERVICES.get(i).close();
        }
        ErpSimulator erp = ErpSimulator.shared();
        erp.clearFaults();
        erp.setAutoRelease(false);
        erp.setReleaseCallbackUrl(null);
    }

    @Test
    void crmOrderIsProducedReceivedAndReportedBackToTheCrm() throws Exception {
        // the identity provider first: the simulators' MES and WMS get their tokens from it
        IdentityProvider.realmUrl();
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        MesSimulator mes = MesSimulator.shared();
        WmsSimulator wms = WmsSimulator.shared();
        CrmSimulator crm = CrmSimulator.shared();
        KafkaBroker.shared(); // with the platform's topics, principals and rules

        ServiceProcess inventory = start("inventory-service", db, erp, Map.of(
                "millwright.kit.targets.wms.url", wms.baseUrl()),
                "inventory.erp-movement", "inventory.erp-stock-status", "inventory.wms-stock-status");
        ServiceProcess production = start("production-service", db, erp, Map.of(
                "millwright.kit.targets.mes.url", mes.baseUrl()),
                "production.mes-dispatch", "production.confirmation");
        ServiceProcess order = start("order-service", db, erp, Map.of(
                "millwright.kit.targets.inventory.url", inventory.baseUrl(),
                "millwright.kit.targets.crm.url", crm.webhookUrl(),
                "millwright.kit.targets.crm.signing-secret", CrmSimulator.webhookSecret(),
                "millwright.kit.targets.wms.url", wms.baseUrl()),
                "order.erp-sales-order", "order.crm-milestone", "order.wms-delivery");
        QmsSimulator qms = QmsSimulator.shared();
        ServiceProcess quality = start("quality-service", db, erp, Map.of(
                "millwright.kit.webhooks.qms.secret", QmsSimulator.webhookSecret(),
                "millwright.kit.targets.qms.signing-secret", QmsSimulator.webhookSecret(),
                "millwright.kit.targets.qms.url", qms.apiUrl()),
                "quality.qms-case");
        qms.configure(quality.baseUrl());
        wms.configureShipping(order.baseUrl(), false);

        erp.setReleaseCallbackUrl(production.baseUrl() + "/soap/erp-callback");
        erp.setAutoRelease(true);
        mes.configure(production.baseUrl(), true, 200);
        wms.configure(inventory.baseUrl());
        BigDecimal stockBefore = available(inventory, "FG-100");

        // CRM → order-service → ERP sales order
        String crmOrderId = OrderFixtures.newCrmOrderId();
        HttpResponse<String> created = send("POST", order.baseUrl() + "/api/v1/orders", orderJson(crmOrderId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String orderId = ModelJson.mapper().readTree(created.body()).get("id").asText();
        await("order CONFIRMED").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> "CONFIRMED".equals(get(order, "/api/v1/orders/" + orderId).path("status").asText()));
        String salesOrderNumber = get(order, "/api/v1/orders/" + orderId).get("erpSalesOrderNumber").asText();
        assertThat(get(order, "/api/v1/orders/" + orderId).get("lines").get(0).get("availability").asText())
                .as("availability comes from inventory-service").isIn("AVAILABLE", "SHORT");

        // ERP auto-release → production-service → MES dispatch and acknowledgement
        Map<String, Object> erpOrder = await("ERP production order for " + salesOrderNumber).atMost(TIMEOUT)
                .until(() -> productionOrderOf(erp, salesOrderNumber), Optional::isPresent).orElseThrow();
        String number = (String) erpOrder.get("productionOrderNumber");
        String lot = (String) erpOrder.get("lot");
        assertThat(new BigDecimal(erpOrder.get("quantity").toString())).isEqualByComparingTo(QUANTITY);
        await("MES work order acknowledged").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> mes.workOrder(number)
                .map(w -> "ACKNOWLEDGED".equals(w.get("status"))).orElse(false));
        await("production order ACKNOWLEDGED").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> "ACKNOWLEDGED".equals(get(production, "/api/v1/production-orders/" + number).path("status").asText()));

        // The QMS fails the lot before it is produced (kept until the lot appears); the ERP takes no goods movements
        // for now, so the order is at risk before it can be ready to ship.
        erp.injectFault("UNAVAILABLE", null, null, "PostGoodsMovement");
        assertThat(qms.sendResult("QR-F-" + crmOrderId, lot, "FAIL")).containsEntry("status", 201);

        // MES confirms: consumption of each component, then the full yield on the last operation
        List<String> confirmationIds = new ArrayList<>();
        List<String> consumptionIds = new ArrayList<>();
        for (Map<String, Object> component : FullChainSupport.list(erpOrder.get("components"))) {
            Map<String, Object> sent = mes.sendConfirmationRecord(FullChainSupport.consumption(number, component));
            assertThat(sent.get("status")).as("consumption %s", sent).isEqualTo(202);
            confirmationIds.add((String) sent.get("confirmationId"));
            consumptionIds.add((String) sent.get("confirmationId"));
        }
        List<Map<String, Object>> operations = FullChainSupport.list(erpOrder.get("operations"));
        String lastOperation = (String) operations.get(operations.size() - 1).get("operationNumber");
        Map<String, Object> yield = mes.sendConfirmationRecord(FullChainSupport.finalYield(number, lastOperation, "FG-100", QUANTITY));
        assertThat(yield.get("status")).as("yield %s", yield).isEqualTo(202);
        String yieldId = (String) yield.get("confirmationId");
        confirmationIds.add(yieldId);

        await("order at risk").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> steps(order, orderId).contains("AT_RISK"));
        await("CRM hears AT_RISK").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> crm.milestones(crmOrderId).stream().anyMatch(m -> "AT_RISK".equals(m.get("milestone"))));
        await("QMS case").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> !qms.cases(lot).isEmpty());
        erp.clearFaults();

        // ERP: one confirmation posting each, one goods movement per consumption and one receipt
        await("ERP confirmations").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> FullChainSupport.businessKeys(erp.postings("confirmation")).containsAll(confirmationIds));
        List<String> movementIds = new ArrayList<>();
        consumptionIds.forEach(id -> movementIds.add("PI-" + id));
        movementIds.add("PR-" + yieldId);
        await("ERP goods movements").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> FullChainSupport.businessKeys(erp.postings("movement")).containsAll(movementIds));
        assertThat(FullChainSupport.businessKeys(erp.postings("confirmation")).stream().filter(confirmationIds::contains))
                .hasSameSizeAs(confirmationIds);
        assertThat(FullChainSupport.businessKeys(erp.postings("movement")).stream().filter(movementIds::contains))
                .hasSameSizeAs(movementIds);
        assertThat(get(production, "/api/v1/production-orders/" + number).path("status").asText()).isEqualTo("CLOSED");

        // ready to ship, but the lot is on quality hold: the delivery is blocked, the WMS has nothing
        await("delivery blocked").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> steps(order, orderId).contains("DELIVERY_BLOCKED"));
        assertThat(wms.deliveries(orderId)).isEmpty();
        // the hold reached the ERP (SetStockStatus) and the WMS (stock status request) for the lot
        await("hold in ERP and WMS").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> erp.postings("stock-status").toString().contains(lot) && wms.stockStatusRequests().toString().contains(lot));
        await("lot on hold in inventory").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> "QUALITY_HOLD".equals(get(inventory, "/api/v1/balances?item=FG-100&lot=" + lot).path(0).path("status").asText()));

        // a re-inspection passes and the QMS accepts the lot: released everywhere, the delivery goes out, the WMS ships
        assertThat(qms.sendResult("QR-P-" + crmOrderId, lot, "PASS")).containsEntry("status", 201);
        assertThat(qms.decide(lot, "ACCEPT")).containsEntry("status", 200);
        await("delivery at the WMS").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> !wms.deliveries(orderId).isEmpty());
        await("lot released in inventory").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> "UNRESTRICTED".equals(get(inventory, "/api/v1/balances?item=FG-100&lot=" + lot).path(0).path("status").asText()));
        assertThat(wms.ship("DL-" + orderId)).containsEntry("confirmStatus", 200);

        // inventory-service: the produced lot is in stock, availability grew by the produced quantity
        JsonNode balances = get(inventory, "/api/v1/balances?item=FG-100&lot=" + lot);
        assertThat(balances).as(balances.toString()).hasSize(1);
        assertThat(balances.get(0).get("locationId").asText()).isEqualTo("FG01");
        assertThat(balances.get(0).get("status").asText()).isEqualTo("UNRESTRICTED");
        assertThat(balances.get(0).get("quantity").get("value").decimalValue()).isEqualByComparingTo(QUANTITY);
        assertThat(available(inventory, "FG-100")).isEqualByComparingTo(stockBefore.add(QUANTITY));

        // order-service: the milestones on the timeline, each delivered once to the CRM, in order, the risk in between
        List<String> expected = List.of("PRODUCTION_RELEASED", "PRODUCTION_STARTED", "PRODUCTION_COMPLETED", "READY_TO_SHIP", "SHIPPED");
        await("CRM milestones").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> crm.milestones(crmOrderId).stream().anyMatch(m -> "SHIPPED".equals(m.get("milestone"))));
        List<Map<String, Object>> milestones = crm.milestones(crmOrderId);
        List<Object> heard = milestones.stream().map(m -> m.get("milestone")).toList();
        assertThat(heard.stream().filter(expected::contains).toList()).containsExactlyElementsOf(expected);
        assertThat(heard.indexOf("AT_RISK")).isBetween(0, heard.indexOf("READY_TO_SHIP"));
        assertThat(heard.indexOf("RISK_CLEARED")).isBetween(heard.indexOf("READY_TO_SHIP"), heard.indexOf("SHIPPED"));
        assertThat(qms.cases(lot)).hasSize(1);
        assertThat(milestones).extracting(m -> ((Number) m.get("deliveries")).intValue()).containsOnly(1);
        List<String> timeline = new ArrayList<>();
        get(order, "/api/v1/orders/" + orderId).get("timeline").forEach(step -> timeline.add(step.get("step").asText()));
        assertThat(timeline.stream().filter(expected::contains).toList()).containsExactlyElementsOf(expected);
        assertThat(get(order, "/api/v1/dead-letters").toString()).doesNotContain(crmOrderId);
        assertThat(db.count("select count(*) from inventory.movement where production_order_id = ?", number))
                .isEqualTo(movementIds.size());
    }

    private static ServiceProcess start(String name, PostgresDatabase db, ErpSimulator erp, Map<String, String> own,
            String... workQueues) {
        ServiceProcess service = ServiceProcess.start(name, ServiceProcess.quarkusApp("services/" + name),
                ServiceProperties.chained(name, db, erp, own, workQueues), START_TIMEOUT);
        SERVICES.add(service);
        return service;
    }

    private static Optional<Map<String, Object>> productionOrderOf(ErpSimulator erp, String salesOrderNumber) {
        return erp.productionOrders().stream()
                .filter(o -> Objects.equals(salesOrderNumber, o.get("salesOrderNumber")) && o.get("releasedAt") != null)
                .findFirst();
    }

    private static String orderJson(String crmOrderId) {
        return """
                {"crmOrderId":"%s","customerId":"C-1001","currency":"EUR","requestedDeliveryDate":"2099-03-31",
                 "lines":[{"lineNumber":10,"itemId":"FG-100","quantity":%s,"unitOfMeasure":"EA","unitPrice":125.00}]}
                """.formatted(crmOrderId, QUANTITY.toPlainString());
    }

    private static List<String> steps(ServiceProcess order, String orderId) throws Exception {
        List<String> steps = new ArrayList<>();
        get(order, "/api/v1/orders/" + orderId).get("timeline").forEach(step -> steps.add(step.get("step").asText()));
        return steps;
    }

    private static BigDecimal available(ServiceProcess inventory, String item) throws Exception {
        return get(inventory, "/api/v1/availability?item=" + item + "&qty=1").get("availableQuantity").get("value").decimalValue();
    }

    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = send("GET", service.baseUrl() + path, null);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return ModelJson.mapper().readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.withEveryRole());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
