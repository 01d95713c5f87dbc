package io.millwright.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.testing.EamSimulator;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.ServiceProperties;
import io.millwright.kit.testing.TestTokens;
import io.millwright.model.common.ModelJson;
import io.millwright.model.edge.AlertSeverity;

/**
 * M1/M2 across crashes of the packaged service (SIGKILL): an alert still waiting out group-wait when the service dies
 * becomes its incident after the restart; an open incident is the same incident after a restart, alerts sent while the
 * service was down join it, and the EAM has exactly one work request for it.
 */
class MaintenanceServiceRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ServiceProcess service;

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void incidentsAndWaitingAlertsSurviveKillsAndTheEamGetsOneWorkRequest() throws Exception {
        IdentityProvider.realmUrl();
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        EamSimulator eam = EamSimulator.shared();
        Map<String, String> config = ServiceProperties.platform("maintenance-service", db, erp);
        config.putAll(IdentityProvider.serviceProperties());
        config.put("millwright.kit.targets.eam.url", eam.apiUrl());
        config.put("millwright.kit.targets.eam.signing-secret", EamSimulator.webhookSecret());
        config.put("millwright.kit.targets.production.url", PlantServices.production().baseUrl());
        config.put("millwright.kit.targets.quality.url", PlantServices.quality().baseUrl());
        config.put("millwright.maintenance.incidents.group-wait", "5s");
        config.put("millwright.maintenance.incidents.resolve-after", "60s");
        config.put("millwright.maintenance.incidents.evaluation-interval", "500ms");
        config.put("millwright.maintenance.assets.\"PRESS-9\".resource-id", "RES-PRESS-09");
        config.put("millwright.maintenance.assets.\"PRESS-9\".cost-center", "CC-4200");
        config.put("millwright.kit.outbox.poll-interval", "200ms");
        // a kill may catch a work item mid-call: it comes back when its lease ends, sooner than the default 60 s
        for (String queue : new String[] {"maintenance.correlate", "maintenance.eam", "maintenance.erp", "maintenance.quality-hold"}) {
            config.put("millwright.kit.work-queues.\"" + queue + "\".lease", "5s");
        }
        service = ServiceProcess.start("maintenance-service", ServiceProcess.quarkusApp("services/maintenance-service"), config,
                Duration.ofSeconds(90));
        EdgeEvents press = new EdgeEvents("PRESS-9");

        // 1. an alert waiting out group-wait when the service dies
        KafkaTestClient.publish(press.raised(press.next(), "E-WAIT", AlertSeverity.CRITICAL, Instant.now()));
        await().atMost(TIMEOUT).until(() -> db.count("select count(*) from maintenance.incident where plant_id = ? and status = 'PENDING'",
                press.plantId) == 1);
        service.kill();
        service = service.restart(Duration.ofSeconds(90));
        String waiting = await().atMost(TIMEOUT).until(() -> incidentOf(db, press.plantId, "E-WAIT"), Optional::isPresent).get();
        await().atMost(TIMEOUT).until(() -> eam.workRequest(waiting).isPresent());

        // 2. an open incident; the service dies; the machine keeps alerting meanwhile
        KafkaTestClient.publish(press.raised(press.next(), "E-OPEN", AlertSeverity.CRITICAL, Instant.now()));
        String open = await().atMost(TIMEOUT).until(() -> incidentOf(db, press.plantId, "E-OPEN"), Optional::isPresent).get();
        await().atMost(TIMEOUT).until(() -> eam.workRequest(open).isPresent());
        service.kill();
        KafkaTestClient.publish(press.raised(press.next(), "E-OPEN", AlertSeverity.CRITICAL, Instant.now()));
        KafkaTestClient.publish(press.raised(press.next(), "E-OPEN", AlertSeverity.CRITICAL, Instant.now()));
        service = service.restart(Duration.ofSeconds(90));

        JsonNode incident = await().atMost(TIMEOUT).until(() -> get("/api/v1/incidents/" + open),
                i -> i != null && i.path("incident").path("incident").path("alertCount").asInt() == 3);
        assertThat(incident.path("incident").path("state").asText()).isEqualTo("OPEN");
        assertThat(db.count("select count(*) from maintenance.incident where plant_id = ? and fault_code = 'E-OPEN'", press.plantId))
                .isEqualTo(1);
        for (String incidentId : new String[] {waiting, open}) {
            assertThat(eam.workRequest(incidentId)).get().satisfies(r -> assertThat(r).containsEntry("deliveries", 1));
        }
        assertThat(eam.workRequests("PRESS-9")).hasSize(2);
    }

    private static Optional<String> incidentOf(PostgresDatabase db, String plantId, String faultCode) {
        return db.count("select count(*) from maintenance.incident where plant_id = ? and fault_code = ? and status = 'OPEN'", plantId,
                faultCode) == 1 ? Optional.of(String.valueOf(db.query("select incident_id from maintenance.incident where plant_id = ? "
                        + "and fault_code = ?", plantId, faultCode).get(0).get("incident_id"))) : Optional.empty();
    }

    private static JsonNode get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + TestTokens.withRoles("viewer")).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? ModelJson.mapper().readTree(response.body()) : null;
    }
}
