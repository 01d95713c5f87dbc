package io.millwright.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.ServiceProperties;
import io.millwright.kit.testing.TestTokens;
import io.millwright.kit.testing.WmsSimulator;
import io.millwright.model.event.Topics;

/**
 * Scaling out (docs/kubernetes.md, "Scaling"): two packaged instances of production-service and two of
 * inventory-service on one database and one Kafka take MES confirmations sent to either (as a Service spreads them),
 * and both instances of each do work. One of each is killed (SIGKILL) in the middle of the load; the confirmations
 * meant for the dead one go to the survivor (as a load balancer retries). Every confirmation and every goods receipt
 * is then posted to the ERP exactly once, and every event the outbox holds reaches Kafka, twice at most for the
 * batch a killed relay had in flight (same ce_id: consumers drop the second).
 */
class ScaleOutIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ORDERS = 4;
    private static final int PER_ORDER = 40;
    private static final int CONFIRMATIONS = ORDERS * PER_ORDER;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String TOKEN = TestTokens.withEveryRole();
    private static final List<ServiceProcess> PROCESSES = new ArrayList<>();

    @AfterAll
    static void stopAll() {
        PROCESSES.forEach(ServiceProcess::close);
        ErpSimulator.shared().setReleaseCallbackUrl(null);
    }

    @Test
    void twoInstancesEachPostEveryConfirmationAndReceiptOnceThroughTheLossOfOne() throws Exception {
        IdentityProvider.realmUrl();
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        MesSimulator mes = MesSimulator.shared();
        WmsSimulator wms = WmsSimulator.shared();
        erp.clearFaults();

        Map<String, String> inventoryConfig = ServiceProperties.chained("inventory-service", db, erp,
                Map.of("millwright.kit.targets.wms.url", wms.baseUrl(),
                        // an item a killed instance held comes back when its lease ends
                        "millwright.kit.work-queues.\"inventory.erp-movement\".lease", "5s"),
                "inventory.erp-movement", "inventory.erp-stock-status", "inventory.wms-stock-status");
        Map<String, String> productionConfig = ServiceProperties.chained("production-service", db, erp,
                Map.of("millwright.kit.targets.mes.url", mes.baseUrl(),
                        "millwright.kit.work-queues.\"production.confirmation\".lease", "5s",
                        "millwright.kit.work-queues.\"production.mes-dispatch\".lease", "5s"),
                "production.mes-dispatch", "production.confirmation");
        ServiceProcess inventoryA = start("inventory-service-a", "inventory-service", inventoryConfig);
        ServiceProcess inventoryB = start("inventory-service-b", "inventory-service", inventoryConfig);
        ServiceProcess productionA = start("production-service-a", "production-service", productionConfig);
        ServiceProcess productionB = start("production-service-b", "production-service", productionConfig);
        erp.setReleaseCallbackUrl(productionA.baseUrl() + "/soap/erp-callback");
        mes.configure(productionA.baseUrl(), true, 0);

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Map<String, Object> order = erp.createProductionOrder("FG-100", BigDecimal.valueOf(100), null, true);
            assertThat(order.get("release")).as("release of %s", order).isInstanceOfSatisfying(Map.class,
                    release -> assertThat(release.get("outcome")).isEqualTo("OK"));
            orders.add(String.valueOf(order.get("productionOrderNumber")));
        }

        String prefix = "SCALE-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<ServiceProcess> production = new ArrayList<>(List.of(productionA, productionB));
        AtomicInteger sent = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int n = 0; n < CONFIRMATIONS; n++) {
                String confirmation = confirmation(prefix + n, orders.get(n % ORDERS));
                int preferred = n % 2;
                results.add(senders.submit(() -> {
                    int status = sendToAnyLive(production, preferred, confirmation);
                    sent.incrementAndGet();
                    return status;
                }));
                if (n == CONFIRMATIONS / 2) {
                    // both instances of each service have done work; then one of each dies mid-load
                    await("both production instances post confirmations").atMost(TIMEOUT)
                            .until(() -> completed(productionA, "production.confirmation") > 0 && completed(productionB, "production.confirmation") > 0);
                    await("both inventory instances post goods receipts").atMost(TIMEOUT)
                            .until(() -> completed(inventoryA, "inventory.erp-movement") > 0 && completed(inventoryB, "inventory.erp-movement") > 0);
                    productionB.kill();
                    inventoryA.kill();
                }
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(202);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(sent.get()).isEqualTo(CONFIRMATIONS);

        await("every confirmation posted to the ERP").atMost(TIMEOUT).until(() -> db.count(
                "SELECT count(*) FROM production.mes_confirmation WHERE confirmation_id LIKE ? AND status = 'POSTED'", prefix + "%") == CONFIRMATIONS);
        await("every goods receipt posted to the ERP").atMost(TIMEOUT).until(() -> db.count(
                "SELECT count(*) FROM inventory.movement WHERE movement_id LIKE ? AND erp_state = 'POSTED'", "PR-" + prefix + "%") == CONFIRMATIONS);
        assertThat(db.count("SELECT count(*) FROM production.mes_confirmation WHERE confirmation_id LIKE ?", prefix + "%")).isEqualTo(CONFIRMATIONS);
        assertThat(db.count("SELECT count(*) FROM erp_sim.posting WHERE posting_type = 'CONFIRMATION' AND business_key LIKE ?", prefix + "%"))
                .as("confirmations in the ERP's ledger").isEqualTo(CONFIRMATIONS);
        assertThat(db.count("SELECT count(*) FROM erp_sim.posting WHERE posting_type = 'MOVEMENT' AND business_key LIKE ?", "PR-" + prefix + "%"))
                .as("goods receipts in the ERP's ledger").isEqualTo(CONFIRMATIONS);
        // a call a killed instance had in flight is made again when its lease ends: the ERP answers it as a duplicate
        long resent = db.count("SELECT count(*) FROM erp_sim.erp_call WHERE (business_key LIKE ? OR business_key LIKE ?) AND outcome = 'DUPLICATE'",
                prefix + "%", "PR-" + prefix + "%");
        assertThat(resent).as("calls made again after the kill").isLessThanOrEqualTo(16);

        // the outbox: every event of these confirmations is published, none left behind, none twice but a killed batch
        await("outbox drained").atMost(TIMEOUT).until(() -> db.count(
                "SELECT count(*) FROM production.kit_outbox_event WHERE published_at IS NULL AND data LIKE ?", "%" + prefix + "%") == 0);
        Set<String> eventIds = db.query("SELECT id::text AS id FROM production.kit_outbox_event WHERE data LIKE ?", "%" + prefix + "%")
                .stream().map(row -> String.valueOf(row.get("id"))).collect(Collectors.toSet());
        assertThat(eventIds).hasSizeGreaterThanOrEqualTo(CONFIRMATIONS);
        Map<String, Long> onTopic = KafkaTestClient.readAll(Topics.PRODUCTION_EVENTS, Duration.ofSeconds(2)).stream()
                .map(record -> KafkaTestClient.header(record, "ce_id")).filter(eventIds::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(onTopic.keySet()).as("every outbox event on Kafka").containsExactlyInAnyOrderElementsOf(eventIds);
        long twice = onTopic.values().stream().filter(count -> count > 1).count();
        assertThat(onTopic.values()).as("published at most twice").allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
        assertThat(twice).as("events published again after the kill (one batch at most)").isLessThanOrEqualTo(500);
        System.out.printf("ScaleOutIT: %d confirmations, %d ERP calls made again after the kill, %d of %d events published twice%n",
                CONFIRMATIONS, resent, twice, eventIds.size());
    }

    private static ServiceProcess start(String name, String service, Map<String, String> config) {
        ServiceProcess process = ServiceProcess.start(name, ServiceProcess.quarkusApp("services/" + service), config, START);
        PROCESSES.add(process);
        return process;
    }

    private static String confirmation(String confirmationId, String productionOrder) {
        return """
                {"confirmationId":"%s","productionOrderId":"%s","type":"YIELD","operationNumber":"0010","materialId":"FG-100",
                 "quantity":{"value":1,"unit":"EA"},"operatorId":"OP-SCALE","finalConfirmation":false,"recordedAt":"%s"}"""
                .formatted(confirmationId, productionOrder, Instant.now());
    }

    /** Sends to the preferred instance; when it is gone (refused, reset, 5xx), to the other: what a Service does. */
    private static int sendToAnyLive(List<ServiceProcess> instances, int preferred, String body) throws InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            ServiceProcess target = instances.get((preferred + attempt) % instances.size());
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/v1/mes/confirmations"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return response.statusCode();
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new AssertionError("no instance took " + body, last);
    }

    private static final Pattern COMPLETED = Pattern.compile("^millwright_work_queue_completed_total\\{[^}]*queue=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);

    /** Items this instance finished in a queue (its own counter). */
    private static double completed(ServiceProcess instance, String queue) throws IOException, InterruptedException {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = COMPLETED.matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            if (matcher.group(1).equals(queue)) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }
}
