package io.millwright.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.testing.CrmSimulator;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KeycloakServer;
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PrometheusServer;
import io.millwright.kit.testing.QmsSimulator;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.WmsSimulator;
import io.millwright.model.common.ModelJson;

/**
 * The whole platform packaged, with the real identity provider of the local run (Keycloak, its realm file), and the
 * operations console in a real browser ({@link RunningPlatform}).
 * <p>
 * First the order to cash chain with every part a real process: a CRM order for FG-100 becomes an ERP sales order, the
 * ERP releases a production order to production-service, the MES gets the work order, acknowledges and confirms it,
 * production-service posts the confirmations to the ERP, inventory-service books and posts the goods movements, and
 * order-service reports the milestones to the CRM. The QMS fails the lot: quality-service holds it (inventory-service in
 * the ERP and the WMS), order-service puts the order at risk and blocks its delivery; the QMS's usage decision releases
 * the lot, the delivery goes to the WMS, the WMS ships and the CRM hears SHIPPED. On the way the ERP refuses one labour
 * booking (a closed period): a dead letter.
 * <p>
 * Then headless Chromium ({@code src/test/browser/console-e2e.mjs}): the operator logs in, sees the KPIs drawn from
 * Prometheus, follows the order's journey through SHIPPED and its lot's genealogy; a viewer is refused the replay; the
 * operator replays the dead letter, it leaves the list and the audit names them; the edge plant's gateway is shown.
 * Screenshots under {@code target/screenshots}.
 */
class PlatformConsoleIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final BigDecimal QUANTITY = BigDecimal.valueOf(6);

    private static KeycloakServer keycloak;
    private static RunningPlatform running;

    @Test
    void anOrderGoesToShippedAndOperatorsFollowItAndWorkItsDeadLetterInTheConsole() throws Exception {
        running = RunningPlatform.get();
        keycloak = running.keycloak;
        String consoleUrl = running.consoleUrl;
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        MesSimulator mes = MesSimulator.shared();
        WmsSimulator wms = WmsSimulator.shared();
        CrmSimulator crm = CrmSimulator.shared();
        QmsSimulator qms = QmsSimulator.shared();
        PrometheusServer prometheus = running.prometheus;
        Map<String, List<String>> jobs = running.jobs;
        ServiceProcess gateway = running.gateway;
        ServiceProcess order = running.services.order();
        ServiceProcess production = running.services.production();
        ServiceProcess inventory = running.services.inventory();
        erp.clearFaults();
        BigDecimal stockBefore = available(inventory, "FG-100");

        // CRM → order-service → ERP sales order (the CRM's own client-credentials token)
        String crmOrderId = "CRM-CONSOLE-" + System.currentTimeMillis();
        HttpResponse<String> created = send("POST", order.baseUrl() + "/api/v1/orders", orderJson(crmOrderId),
                keycloak.clientToken("crm", "CRM_CLIENT_SECRET"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String orderId = ModelJson.mapper().readTree(created.body()).get("id").asText();
        await("order CONFIRMED").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> "CONFIRMED".equals(get(order, "/api/v1/orders/" + orderId).path("status").asText()));
        String salesOrderNumber = get(order, "/api/v1/orders/" + orderId).get("erpSalesOrderNumber").asText();

        // ERP auto-release → production-service → MES dispatch and acknowledgement
        Map<String, Object> erpOrder = await("ERP production order for " + salesOrderNumber).atMost(TIMEOUT)
                .until(() -> productionOrderOf(erp, salesOrderNumber), Optional::isPresent).orElseThrow();
        String number = (String) erpOrder.get("productionOrderNumber");
        String lot = (String) erpOrder.get("lot");
        await("production order ACKNOWLEDGED").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> "ACKNOWLEDGED".equals(get(production, "/api/v1/production-orders/" + number).path("status").asText()));
        List<Map<String, Object>> operations = ChainSupport.list(erpOrder.get("operations"));
        String firstOperation = (String) operations.get(0).get("operationNumber");
        String lastOperation = (String) operations.get(operations.size() - 1).get("operationNumber");

        // The ERP refuses a labour booking (its period is closed): a dead letter with the ERP's reason, nothing posted
        erp.injectFault("SOAP_FAULT", null, null, "PostProductionConfirmation", "BUS-PERIOD-CLOSED");
        Map<String, Object> labour = mes.sendConfirmationRecord(ChainSupport.labour(number, firstOperation, 15));
        assertThat(labour.get("status")).as("labour %s", labour).isEqualTo(202);
        String labourId = (String) labour.get("confirmationId");
        String deadLetterId = await("the refused labour booking's dead letter").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetterAbout(production, labourId), Optional::isPresent).orElseThrow();
        erp.clearFaults();

        // The QMS fails the lot before it is produced; the ERP takes no goods movements for now, so the order is at risk
        erp.injectFault("UNAVAILABLE", null, null, "PostGoodsMovement");
        assertThat(qms.sendResult("QR-F-" + crmOrderId, lot, "FAIL")).containsEntry("status", 201);

        // MES confirms: consumption of each component, then the full yield on the last operation
        List<String> confirmationIds = new ArrayList<>();
        List<String> movementIds = new ArrayList<>();
        for (Map<String, Object> component : ChainSupport.list(erpOrder.get("components"))) {
            Map<String, Object> sent = mes.sendConfirmationRecord(ChainSupport.consumption(number, component));
            assertThat(sent.get("status")).as("consumption %s", sent).isEqualTo(202);
            confirmationIds.add((String) sent.get("confirmationId"));
            movementIds.add("PI-" + sent.get("confirmationId"));
        }
        Map<String, Object> yield = mes.sendConfirmationRecord(ChainSupport.finalYield(number, lastOperation, "FG-100", QUANTITY));
        assertThat(yield.get("status")).as("yield %s", yield).isEqualTo(202);
        confirmationIds.add((String) yield.get("confirmationId"));
        movementIds.add("PR-" + yield.get("confirmationId"));

        await("order at risk").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> steps(order, orderId).contains("AT_RISK"));
        await("CRM hears AT_RISK").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> crm.milestones(crmOrderId).stream().anyMatch(m -> "AT_RISK".equals(m.get("milestone"))));
        await("QMS case").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> !qms.cases(lot).isEmpty());
        erp.clearFaults();

        // ERP: one confirmation posting each, one goods movement per consumption and one receipt, each once
        await("ERP confirmations").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> ChainSupport.businessKeys(erp.postings("confirmation")).containsAll(confirmationIds));
        await("ERP goods movements").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> ChainSupport.businessKeys(erp.postings("movement")).containsAll(movementIds));
        assertThat(ChainSupport.businessKeys(erp.postings("confirmation")).stream().filter(confirmationIds::contains)).hasSameSizeAs(confirmationIds);
        assertThat(ChainSupport.businessKeys(erp.postings("movement")).stream().filter(movementIds::contains)).hasSameSizeAs(movementIds);
        assertThat(ChainSupport.businessKeys(erp.postings("confirmation"))).as("the refused labour booking").doesNotContain(labourId);
        assertThat(get(production, "/api/v1/production-orders/" + number).path("status").asText()).isEqualTo("CLOSED");

        // ready to ship, but the lot is on quality hold: the delivery is blocked, the WMS has nothing
        await("delivery blocked").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> steps(order, orderId).contains("DELIVERY_BLOCKED"));
        assertThat(wms.deliveries(orderId)).isEmpty();
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
        List<String> timeline = steps(order, orderId);
        assertThat(timeline.stream().filter(expected::contains).toList()).containsExactlyElementsOf(expected);
        assertThat(get(order, "/api/v1/dead-letters").toString()).doesNotContain(crmOrderId);
        assertThat(db.count("select count(*) from inventory.movement where production_order_id = ?", number)).isEqualTo(movementIds.size());

        // Prometheus has scraped everything for a while: the overview's plots have points
        await("Prometheus scrapes the five services and the edge gateway").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> prometheus.allTargetsUp(jobs.size()));

        // The console in Chromium
        String output = browser(Map.of("CONSOLE_URL", consoleUrl, "OPERATOR_PASSWORD", keycloak.secret("OPERATOR_PASSWORD"),
                "VIEWER_PASSWORD", keycloak.secret("VIEWER_PASSWORD"), "CRM_ORDER_ID", crmOrderId, "LOT", lot,
                "DEAD_LETTER_SERVICE", "production-service", "DEAD_LETTER_ID", deadLetterId, "PLANT", RunningPlatform.PLANT));
        assertThat(output).contains("all console checks passed");

        // The journey as JSON for scripts: a bearer token with the viewer role; without one, the login page
        String viewer = keycloak.userToken("viewer", "VIEWER_PASSWORD");
        String journeyUrl = consoleUrl + "/journey?kind=crm-order&id=" + crmOrderId;
        HttpResponse<String> json = null;
        long[] millis = new long[3];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            json = HTTP.send(HttpRequest.newBuilder(URI.create(journeyUrl)).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + viewer).build(), HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        JsonNode journey = ModelJson.mapper().readTree(json.body());
        List<String> journeySteps = new ArrayList<>();
        journey.path("steps").forEach(step -> journeySteps.add(step.path("step").asText()));
        assertThat(journeySteps).contains("ACCEPTED", "CONFIRMED_BY_ERP", "RELEASED", "CONFIRMATION_POSTED", "MOVEMENT_POSTED", "SHIPPED");
        assertThat(journey.path("problems")).isEmpty();
        System.out.printf("Journey of %s as JSON: %d steps from %d keys; %d ms, %d ms, %d ms (the console assembling: %d ms)%n", crmOrderId,
                journeySteps.size(), journey.path("followed").size(), millis[0], millis[1], millis[2], journey.path("millis").asLong());
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(journeyUrl)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("no token: sent to the login").isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).startsWith(keycloak.realmUrl());
        HttpResponse<String> nul = HTTP.send(HttpRequest.newBuilder(URI.create(consoleUrl + "/journey?kind=lot&id=L%00X"))
                .header("Accept", "application/json").header("Authorization", "Bearer " + viewer).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(422);
        assertThat(nul.body()).contains("\"field\":\"id\"", "Control characters");

        // The edge gateway takes the platform's tokens: reading is open, replaying needs an operator
        String edgeReplay = gateway.baseUrl() + "/api/v1/dead-letters/999999/replay";
        assertThat(edgeCall(edgeReplay, null).statusCode()).as("no token").isEqualTo(401);
        assertThat(edgeCall(edgeReplay, viewer).statusCode()).as("a viewer").isEqualTo(403);
        HttpResponse<String> unknownLetter = edgeCall(edgeReplay, keycloak.userToken("operator", "OPERATOR_PASSWORD"));
        assertThat(unknownLetter.statusCode()).as(unknownLetter.body()).isEqualTo(404);
        assertThat(unknownLetter.body()).contains("No dead letter 999999");

        // What the browser did, seen from the services: the replay went through with the operator's name on it
        await("the replayed labour booking posted to the ERP").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> ChainSupport.businessKeys(erp.postings("confirmation")).contains(labourId));
        assertThat(get(production, "/api/v1/dead-letters/" + deadLetterId).path("status").asText()).isEqualTo("REPLAYED");
        JsonNode actions = get(production, "/api/v1/operator-actions?subject=" + deadLetterId);
        assertThat(actions).as(actions.toString()).hasSize(1);
        assertThat(actions.get(0).path("action").asText()).isEqualTo("DEAD_LETTER_REPLAY");
        assertThat(actions.get(0).path("actor").asText()).isEqualTo("operator");
    }

    private static HttpResponse<String> edgeCall(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the browser checks (npm installs playwright-core into target/browser once); returns what they printed. */
    private static String browser(Map<String, String> environment) throws IOException, InterruptedException {
        // the module directory: where Maven runs its tests
        Path module = Path.of("").toAbsolutePath();
        Path work = module.resolve("target/browser");
        Files.createDirectories(work);
        for (String file : List.of("package.json", "package-lock.json", "console-e2e.mjs")) {
            Files.copy(module.resolve("src/test/browser").resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String chromium = Objects.requireNonNullElse(System.getenv("CHROMIUM"), "/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("Chromium for the console's browser test: Debian's chromium package (.ci/run installs it)")
                .isExecutable();
        if (!Files.isDirectory(work.resolve("node_modules/playwright-core"))) {
            run(work, Map.of(), Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("CHROMIUM", chromium);
        env.put("SCREENSHOTS", module.resolve("target/screenshots").toString());
        return run(work, env, Duration.ofMinutes(5), "node", "console-e2e.mjs");
    }

    private static String run(Path dir, Map<String, String> environment, Duration timeout, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = dir.resolve(command[0] + ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        boolean done = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(String.join(" ", command) + ":\n" + output);
        assertThat(done).as("%s finished within %s:\n%s", String.join(" ", command), timeout, output).isTrue();
        assertThat(process.exitValue()).as("%s:\n%s", String.join(" ", command), output).isZero();
        return output;
    }

    private static Optional<String> deadLetterAbout(ServiceProcess production, String confirmationId) throws Exception {
        for (JsonNode letter : get(production, "/api/v1/dead-letters?routeId=production.confirmation&status=NEW&limit=1000")) {
            String id = letter.path("id").asText();
            if (get(production, "/api/v1/dead-letters/" + id).path("payload").asText().contains(confirmationId)) {
                assertThat(letter.path("reason").asText()).contains("BUS-PERIOD-CLOSED");
                return Optional.of(id);
            }
        }
        return Optional.empty();
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

    /** GET as the operator (a person's token from Keycloak). */
    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = send("GET", service.baseUrl() + path, null, running.operatorToken());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return ModelJson.mapper().readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
