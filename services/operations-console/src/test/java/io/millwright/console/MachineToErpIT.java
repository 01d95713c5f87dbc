package io.millwright.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.edge.plc.ModbusTcpTestServer;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.testing.CrmSimulator;
import io.millwright.kit.testing.DashboardQueries;
import io.millwright.kit.testing.EamSimulator;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PrometheusServer;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.WmsSimulator;
import io.millwright.model.common.ModelJson;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * The machine-to-ERP chain, every part real and packaged: a Modbus TCP server stands in for the press's PLC, the edge
 * gateway reads its state and fault-code registers and forwards to Kafka, maintenance-service makes the alert an
 * incident, production-service names the work order on the resource, the simulated EAM gets a work request, the ERP
 * the spare parts and the downtime, order-service puts the customer's order at risk and the CRM hears it, and on
 * resolution quality-service holds the lot made during the anomaly, which inventory-service applies in the ERP and
 * the WMS. All of it under the trace the edge started with the alert.
 */
class MachineToErpIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final BigDecimal QUANTITY = new BigDecimal("40");
    private static final String PLANT = RunningPlatform.PLANT;
    private static final String ASSET = RunningPlatform.ASSET;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static RunningPlatform running;

    @Test
    void aPressFaultReachesTheEamTheErpTheCrmAndQualityUnderOneTrace() throws Exception {
        running = RunningPlatform.get();
        ModbusTcpTestServer plc = running.plc;
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        MesSimulator mes = MesSimulator.shared();
        WmsSimulator wms = WmsSimulator.shared();
        CrmSimulator crm = CrmSimulator.shared();
        EamSimulator eam = EamSimulator.shared();
        erp.clearFaults();
        ServiceProcess order = running.services.order();
        ServiceProcess inventory = running.services.inventory();
        ServiceProcess production = running.services.production();
        ServiceProcess maintenance = running.services.maintenance();

        // a customer's order, released to production and acknowledged by the MES: it will run on RES-CNC-01
        String crmOrderId = "CRM-M2E-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send("POST", order.baseUrl() + "/api/v1/orders", running.keycloak.clientToken("crm", "CRM_CLIENT_SECRET"), """
                {"crmOrderId":"%s","customerId":"C-1001","currency":"EUR","requestedDeliveryDate":"2099-03-31",
                 "lines":[{"lineNumber":10,"itemId":"FG-100","quantity":%s,"unitOfMeasure":"EA","unitPrice":125.00}]}
                """.formatted(crmOrderId, QUANTITY.toPlainString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String orderId = ModelJson.mapper().readTree(created.body()).get("id").asText();
        await("order CONFIRMED").atMost(TIMEOUT).until(() -> "CONFIRMED".equals(get(order, "/api/v1/orders/" + orderId).path("status").asText()));
        String salesOrderNumber = get(order, "/api/v1/orders/" + orderId).get("erpSalesOrderNumber").asText();
        Map<String, Object> erpOrder = await("ERP production order").atMost(TIMEOUT).until(() -> erp.productionOrders().stream()
                .filter(o -> Objects.equals(salesOrderNumber, o.get("salesOrderNumber")) && o.get("releasedAt") != null).findFirst(),
                Optional::isPresent).orElseThrow();
        String number = (String) erpOrder.get("productionOrderNumber");
        String lot = (String) erpOrder.get("lot");
        await("production order ACKNOWLEDGED").atMost(TIMEOUT)
                .until(() -> "ACKNOWLEDGED".equals(get(production, "/api/v1/production-orders/" + number).path("status").asText()));
        List<Map<String, Object>> operations = list(erpOrder.get("operations"));
        String firstOperation = (String) operations.get(0).get("operationNumber");
        String lastOperation = (String) operations.get(operations.size() - 1).get("operationNumber");
        assertThat(operations.get(0).get("resourceId")).isEqualTo("RES-CNC-01");
        // the press starts on it: the order with the latest confirmation on a resource is the one it is on
        Map<String, Object> labour = new LinkedHashMap<>();
        labour.put("productionOrderId", number);
        labour.put("type", "LABOUR");
        labour.put("operationNumber", firstOperation);
        labour.put("quantity", Map.of("value", 15, "unit", "MIN"));
        labour.put("operatorId", "OP-17");
        labour.put("finalConfirmation", false);
        assertThat(mes.sendConfirmationRecord(labour).get("status")).isEqualTo(202);
        await("the press is on the order").atMost(TIMEOUT).ignoreExceptions().until(() -> number.equals(
                get(production, "/api/v1/resources/RES-CNC-01/active-work-order").path("productionOrderId").asText()));

        // the press faults: fault code 17, then the FAULT state
        plc.setRegister(1, 17);
        plc.setRegister(0, 2);
        ConsumerRecord<String, byte[]> alert = KafkaTestClient.await(Topics.EDGE_EVENTS, r -> (PLANT + "/assets/" + ASSET).equals(r.key())
                && EventType.EDGE_MACHINE_ALERT_RAISED.type().equals(KafkaTestClient.header(r, "ce_type")), 1, TIMEOUT).get(0);
        String traceId = TraceContext.traceId(KafkaTestClient.header(alert, "traceparent"));
        assertThat(traceId).as("the edge starts a trace with the alert").isNotBlank();

        // an incident, correlated with the order on the resource, a work request, the spare parts in the ERP
        String incidentId = await("incident opened").atMost(TIMEOUT).until(() -> incidentOn(maintenance), Optional::isPresent).get();
        JsonNode incident = await("incident correlated").atMost(TIMEOUT).until(() -> get(maintenance, "/api/v1/incidents/" + incidentId),
                i -> !i.path("incident").path("correlatedAt").isMissingNode() && !i.path("incident").path("correlatedAt").isNull());
        assertThat(incident.path("incident").path("incident").path("activeProductionOrderId").asText()).isEqualTo(number);
        assertThat(incident.path("incident").path("incident").path("affectedProductionOrderIds").toString()).contains(number);
        assertThat(incident.path("incident").path("incident").path("resourceId").asText()).isEqualTo("RES-CNC-01");
        Map<String, Object> request = await("EAM work request").atMost(TIMEOUT).until(() -> eam.workRequest(incidentId), Optional::isPresent)
                .get();
        assertThat(String.valueOf(request.get("payload"))).contains(number, "RES-CNC-01", "SP-HYD-SEAL");
        await("ERP spare parts").atMost(TIMEOUT).until(() -> posting(erp, "maintenance-cost", incidentId + "-PARTS").isPresent());

        // the order is at risk and the CRM hears it
        Map<String, Object> machineRisk = await("CRM hears AT_RISK").atMost(TIMEOUT).until(() -> crm.milestones(crmOrderId).stream()
                .filter(m -> "AT_RISK".equals(m.get("milestone")) && String.valueOf(m.get("detail")).startsWith("Resource RES-CNC-01 is down"))
                .findFirst(),
                Optional::isPresent).get();
        ConsumerRecord<String, byte[]> atRisk = KafkaTestClient.await(Topics.ORDER_EVENTS, r -> orderId.equals(r.key())
                && EventType.ORDER_AT_RISK.type().equals(KafkaTestClient.header(r, "ce_type"))
                && new String(r.value()).contains("MACHINE_DOWNTIME"), 1, TIMEOUT).get(0);

        // the press keeps working on the order while it is looked at: the lot is made during the anomaly
        Map<String, Object> partial = mes.sendConfirmationRecord(yieldOf(number, firstOperation, QUANTITY, false));
        assertThat(partial.get("status")).as("yield %s", partial).isEqualTo(202);
        Map<String, Object> last = mes.sendConfirmationRecord(yieldOf(number, lastOperation, QUANTITY, true));
        assertThat(last.get("status")).as("final yield %s", last).isEqualTo(202);
        await("lot received into inventory").atMost(TIMEOUT)
                .until(() -> get(inventory, "/api/v1/balances?item=FG-100&lot=" + lot).size() == 1);
        await("quality knows the lot from both yields").atMost(TIMEOUT)
                .until(() -> db.count("select count(*) from quality.lot_output where lot_id = ?", lot) == 2);

        // repaired: the fault clears, the press runs
        plc.setRegister(1, 0);
        plc.setRegister(0, 1);
        await("work request resolved").atMost(TIMEOUT).until(() -> "RESOLVED".equals(eam.workRequest(incidentId).get().get("status")));
        Map<String, Object> downtime = await("ERP downtime").atMost(TIMEOUT).until(() -> posting(erp, "downtime", incidentId + "-DOWNTIME"),
                Optional::isPresent).get();
        assertThat(String.valueOf(downtime.get("request"))).contains("RES-CNC-01", "CC-4100", number);
        await("lot on hold in inventory").atMost(TIMEOUT)
                .until(() -> "QUALITY_HOLD".equals(get(inventory, "/api/v1/balances?item=FG-100&lot=" + lot).path(0).path("status").asText()));
        await("hold in ERP and WMS").atMost(TIMEOUT)
                .until(() -> erp.postings("stock-status").toString().contains(lot) && wms.stockStatusRequests().toString().contains(lot));
        await("the machine risk cleared").atMost(TIMEOUT).until(() -> get(order, "/api/v1/orders/" + orderId).path("timeline").toString()
                .contains("Machine incident " + incidentId + " on RES-CNC-01 resolved"));

        // one trace: the incident, the work request, the ERP's calls, the at-risk event, the CRM webhook, the hold
        JsonNode detail = await("timeline complete").atMost(TIMEOUT).until(() -> get(maintenance, "/api/v1/incidents/" + incidentId),
                d -> d.path("timeline").toString().contains("QUALITY_HOLD_REQUESTED"));
        assertThat(detail.path("incident").path("traceId").asText()).isEqualTo(traceId);
        detail.path("timeline").forEach(step -> assertThat(step.path("traceId").asText()).as(step.toString()).isEqualTo(traceId));
        assertThat(detail.path("timeline").toString()).contains(lot);
        assertThat(TraceContext.traceId(String.valueOf(eam.workRequest(incidentId).get().get("traceparent")))).isEqualTo(traceId);
        assertThat(erp.calls("PostMaintenanceCost")).filteredOn(c -> (incidentId + "-PARTS").equals(c.get("businessKey")))
                .isNotEmpty().allSatisfy(c -> assertThat(TraceContext.traceId(String.valueOf(c.get("traceparent")))).isEqualTo(traceId));
        assertThat(erp.calls("PostDowntime")).filteredOn(c -> (incidentId + "-DOWNTIME").equals(c.get("businessKey")))
                .isNotEmpty().allSatisfy(c -> assertThat(TraceContext.traceId(String.valueOf(c.get("traceparent")))).isEqualTo(traceId));
        assertThat(TraceContext.traceId(KafkaTestClient.header(atRisk, "traceparent"))).as("order.at-risk").isEqualTo(traceId);
        assertThat(TraceContext.traceId(String.valueOf(machineRisk.get("traceparent")))).as("CRM AT_RISK webhook").isEqualTo(traceId);
        ConsumerRecord<String, byte[]> hold = KafkaTestClient.await(Topics.QUALITY_EVENTS, r -> ("MH-" + incidentId + ":" + lot).equals(r.key())
                && EventType.QUALITY_HOLD_PLACED.type().equals(KafkaTestClient.header(r, "ce_type")), 1, TIMEOUT).get(0);
        assertThat(TraceContext.traceId(KafkaTestClient.header(hold, "traceparent"))).as("quality.hold.placed").isEqualTo(traceId);
        assertThat(erp.calls("SetStockStatus")).filteredOn(c -> String.valueOf(c.get("businessKey")).contains(lot))
                .anySatisfy(c -> assertThat(TraceContext.traceId(String.valueOf(c.get("traceparent")))).isEqualTo(traceId));

        // once each
        assertThat(eam.workRequests(ASSET)).hasSize(1).first().satisfies(r -> assertThat(r).containsEntry("deliveries", 1));
        assertThat(erp.postings("downtime")).filteredOn(p -> (incidentId + "-DOWNTIME").equals(p.get("businessKey"))).hasSize(1);
        assertThat(erp.postings("maintenance-cost")).filteredOn(p -> (incidentId + "-PARTS").equals(p.get("businessKey"))).hasSize(1);
        // the order at risk twice, on the same trace: the resource down (M4), then its lot held (M5)
        assertThat(crm.milestones(crmOrderId)).filteredOn(m -> "AT_RISK".equals(m.get("milestone"))).extracting(m -> String.valueOf(m.get("detail")))
                .satisfiesExactly(d -> assertThat(d).startsWith("Resource RES-CNC-01 is down").contains(incidentId),
                        d -> assertThat(d).contains("quality hold MH-" + incidentId));
        assertThat(crm.milestones(crmOrderId)).filteredOn(m -> "AT_RISK".equals(m.get("milestone")))
                .allSatisfy(m -> assertThat(TraceContext.traceId(String.valueOf(m.get("traceparent")))).isEqualTo(traceId));
        assertThat(db.count("select count(*) from maintenance.incident where plant_id = ? and status <> 'DISCARDED'", PLANT)).isEqualTo(1);

        // X5: every panel of the Grafana dashboards parses and returns series from a real Prometheus scraping all of it
        everyDashboardQueryReturnsSeries();
    }

    private static void everyDashboardQueryReturnsSeries() throws Exception {
        Map<String, List<String>> jobs = running.jobs;
        PrometheusServer prometheus = running.prometheus;
        {
            await("Prometheus scraped every service").atMost(Duration.ofSeconds(30)).until(() -> prometheus.allTargetsUp(jobs.size()));
            await("two scrapes of each, as rates need").atMost(Duration.ofSeconds(30))
                    .until(() -> prometheus.query("rate(up[1m])").series().size() == jobs.size());
            // what the check catches: a misspelt metric answers nothing, broken PromQL answers an error
            assertThat(prometheus.query("sum by (job) (millwright_orders_waiting_erpp)").series()).isEmpty();
            assertThat(prometheus.query("sum by (job) (millwright_orders_waiting_erp").error()).startsWith("bad_data");
            List<DashboardQueries.Query> queries = DashboardQueries.all();
            assertThat(queries).hasSizeGreaterThan(40);
            List<String> failures = new ArrayList<>();
            for (DashboardQueries.Query query : queries) {
                PrometheusServer.Result result = prometheus.query(query.promql());
                if (result.error() != null || result.series().isEmpty()) {
                    failures.add(query + " -> " + (result.error() != null ? result.error() : "no series"));
                }
            }
            assertThat(failures).as("dashboard queries without an answer").isEmpty();
        }
    }

    private static Optional<String> incidentOn(ServiceProcess maintenance) throws Exception {
        JsonNode incidents = get(maintenance, "/api/v1/incidents?assetId=" + ASSET);
        return incidents.size() == 1 ? Optional.of(incidents.get(0).path("incident").path("incidentId").asText()) : Optional.empty();
    }

    private static Optional<Map<String, Object>> posting(ErpSimulator erp, String type, String businessKey) {
        return erp.postings(type).stream().filter(p -> businessKey.equals(p.get("businessKey"))).findFirst();
    }

    private static Map<String, Object> yieldOf(String productionOrderId, String operationNumber, BigDecimal quantity, boolean last) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("productionOrderId", productionOrderId);
        c.put("type", "YIELD");
        c.put("operationNumber", operationNumber);
        c.put("materialId", "FG-100");
        c.put("quantity", Map.of("value", quantity, "unit", "EA"));
        c.put("operatorId", "OP-17");
        c.put("finalConfirmation", last);
        return c;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /** GET as the operator (a person's token from Keycloak). */
    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = send("GET", service.baseUrl() + path, running.operatorToken(), null);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return ModelJson.mapper().readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
