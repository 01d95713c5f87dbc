package io.millwright.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.model.security.Roles;
import io.millwright.kit.testing.TestTokens;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.ServiceProperties;
import io.millwright.model.common.ModelJson;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * P2 and P3 across crashes of the packaged service (SIGKILL): a release waiting for a down MES is dispatched once
 * after the restart, and a confirmation waiting for a down ERP is posted once after the next restart.
 */
class ProductionServiceRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static ServiceProcess service;

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        ErpSimulator.shared().clearFaults();
        MesSimulator.shared().clearFaults();
    }

    @Test
    void pendingDispatchAndPendingPostingSurviveKillsAndHappenOnce() throws Exception {
        // the identity provider first: the simulated MES gets its tokens from it
        IdentityProvider.realmUrl();
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        MesSimulator mes = MesSimulator.shared();
        Map<String, String> config = ServiceProperties.platform("production-service", db, erp);
        config.putAll(IdentityProvider.serviceProperties());
        // a kill may catch an item mid-call: it comes back when its lease ends, sooner than the queues' default 60 s
        config.put("millwright.kit.work-queues.\"production.mes-dispatch\".lease", "5s");
        config.put("millwright.kit.work-queues.\"production.confirmation\".lease", "5s");
        config.putAll(Map.of(
                "millwright.kit.targets.mes.url", mes.baseUrl(),
                "millwright.kit.work-queues.\"production.mes-dispatch\".backoff.initial", "200ms",
                "millwright.kit.work-queues.\"production.mes-dispatch\".backoff.max", "2s",
                "millwright.kit.work-queues.\"production.confirmation\".backoff.initial", "200ms",
                "millwright.kit.work-queues.\"production.confirmation\".backoff.max", "2s"));
        service = ServiceProcess.start("production-service", ServiceProcess.quarkusApp("services/production-service"), config,
                Duration.ofSeconds(90));
        erp.setReleaseCallbackUrl(service.baseUrl() + "/soap/erp-callback");
        mes.configure(service.baseUrl(), true, 0);

        // MES down: the released order waits in the database; the service dies.
        mes.injectFault(null);
        Map<String, Object> erpOrder = erp.createProductionOrder("FG-100", BigDecimal.valueOf(30), null, true);
        String number = (String) erpOrder.get("productionOrderNumber");
        await().atMost(TIMEOUT).until(() -> db.count(
                "select count(*) from production.production_order where id = ? and status = 'RELEASED' and dispatch_attempts >= 1", number) == 1);
        service.kill();

        service = service.restart(Duration.ofSeconds(90));
        mes.clearFaults();
        await().atMost(TIMEOUT).until(() -> "ACKNOWLEDGED".equals(order(number).get("status").asText()));
        assertThat(mes.workOrder(number).orElseThrow().get("dispatchCount")).isEqualTo(1);

        // ERP down: a valid confirmation waits for its posting; the service dies again.
        erp.injectFault("UNAVAILABLE", null, null, "PostProductionConfirmation");
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("productionOrderId", number);
        confirmation.put("type", "YIELD");
        confirmation.put("operationNumber", "0010");
        confirmation.put("materialId", "FG-100");
        confirmation.put("quantity", Map.of("value", 30, "unit", "EA"));
        confirmation.put("finalConfirmation", false);
        Map<String, Object> sent = mes.sendConfirmationRecord(confirmation);
        assertThat(sent.get("status")).isEqualTo(202);
        String confirmationId = (String) sent.get("confirmationId");
        await().atMost(TIMEOUT).until(() -> db.count(
                "select count(*) from production.mes_confirmation where confirmation_id = ? and status = 'VALIDATED' and attempts >= 1",
                confirmationId) == 1);
        service.kill();

        service = service.restart(Duration.ofSeconds(90));
        erp.clearFaults();
        await().atMost(TIMEOUT).until(() -> ProductionFixtures.erpPostings(List.of(confirmationId)).size() == 1);
        KafkaTestClient.await(Topics.PRODUCTION_EVENTS, r -> ProductionFixtures.isEvent(r, number, EventType.PRODUCTION_CONFIRMATION_POSTED),
                1, TIMEOUT);
        // The outbox relay delivers at least once: a record sent just before a kill may be sent again after the
        // restart, with the same ce_id (what consumers dedupe on). So: one event each, possibly delivered twice.
        assertThat(eventIds(number, EventType.PRODUCTION_CONFIRMATION_POSTED)).hasSize(1);
        assertThat(eventIds(number, EventType.PRODUCTION_ORDER_RELEASED)).hasSize(1);
        assertThat(ProductionFixtures.erpPostings(List.of(confirmationId))).hasSize(1);
        assertThat(order(number).get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    private static Set<String> eventIds(String number, EventType type) {
        return ProductionFixtures.eventsOf(number, type).stream().map(r -> KafkaTestClient.header(r, "ce_id")).collect(Collectors.toSet());
    }

    private static JsonNode order(String number) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/production-orders/" + number))
                .header("Authorization", "Bearer " + TestTokens.withRoles(Roles.VIEWER))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return ModelJson.mapper().readTree(response.body());
    }
}
