package io.millwright.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.EamSimulator;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineState;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * M1 with Alertmanager's semantics (group-wait 2 s and resolve-after 2 s in tests): an alert storm is one incident and
 * one work request, an alert that clears within group-wait is noise, two faults of one asset are two incidents, an
 * alert below the minimum severity is recorded but opens nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(EamWebhookSecret.class)
@QuarkusTestResource(PlantServices.class)
class IncidentGroupingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EamSimulator eam = EamSimulator.shared();

    @Test
    void aThousandAlertsOfOneAssetAndFaultWithinAMinuteAreOneIncidentAndOneWorkRequest() {
        EdgeEvents press = new EdgeEvents("PRESS-1");
        String fault = "E-STORM-" + run();
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (int i = 0; i < 1000; i++) {
            KafkaTestClient.publish(press.raised(press.next(), fault, AlertSeverity.CRITICAL, start.plusMillis(i * 50L)));
        }
        List<Map<String, Object>> open = await().atMost(TIMEOUT).until(() -> press.groups(null, fault),
                groups -> groups.size() == 1 && count(groups.get(0)) == 1000);
        String incidentId = incidentId(open.get(0));
        assertThat(open.get(0)).containsEntry("state", "OPEN");
        assertThat(field(open.get(0), "firstAlertAt")).isEqualTo(start.toString());
        assertThat(field(open.get(0), "lastAlertAt")).isEqualTo(start.plusMillis(999 * 50L).toString());

        Map<String, Object> request = await().atMost(TIMEOUT).until(() -> eam.workRequest(incidentId), java.util.Optional::isPresent).get();
        assertThat(request).containsEntry("assetId", "PRESS-1").containsEntry("deliveries", 1);
        assertThat(eam.workRequests("PRESS-1")).filteredOn(r -> String.valueOf(r.get("payload")).contains(fault)).hasSize(1);
        KafkaTestClient.await(Topics.MAINTENANCE_EVENTS, r -> incidentId.equals(r.key())
                && EventType.MAINTENANCE_WORK_REQUEST_CREATED.type().equals(KafkaTestClient.header(r, "ce_type")), 1, TIMEOUT);
        assertThat(events(incidentId, EventType.MAINTENANCE_INCIDENT_OPENED)).isEqualTo(1);
        assertThat(PostgresDatabase.shared().count("select count(*) from maintenance.incident where plant_id = ?", press.plantId)).isEqualTo(1);
        assertThat(PostgresDatabase.shared().count("select count(*) from maintenance.machine_event where source_id = ? and outcome = 'GROUPED'",
                press.sourceId)).isEqualTo(1000);
    }

    @Test
    void aFlappingAlertThatClearsWithinGroupWaitIsNoIncident() throws InterruptedException {
        EdgeEvents press = new EdgeEvents("PRESS-1");
        String fault = "E-FLAP-" + run();
        press.raise(fault, AlertSeverity.CRITICAL);
        press.clear(fault);
        press.raise(fault, AlertSeverity.CRITICAL);
        press.clear(fault);

        List<Map<String, Object>> discarded = await().atMost(TIMEOUT).until(() -> press.groups("DISCARDED", fault), g -> !g.isEmpty());
        assertThat(discarded).singleElement().satisfies(group -> assertThat(count(group)).isEqualTo(2));
        // well past group-wait and resolve-after: still nothing opened, nothing asked of the EAM
        Thread.sleep(3_000);
        assertThat(press.groups(null, fault)).isEmpty();
        assertThat(eam.workRequest(incidentId(discarded.get(0)))).isEmpty();
        assertThat(events(incidentId(discarded.get(0)), EventType.MAINTENANCE_INCIDENT_OPENED)).isZero();
    }

    @Test
    void twoFaultsOfOneAssetAreTwoIncidentsAndAnInfoAlertOpensNone() {
        EdgeEvents press = new EdgeEvents("PRESS-2");
        String run = run();
        press.raise("E-A-" + run, AlertSeverity.WARNING);
        press.raise("E-B-" + run, AlertSeverity.CRITICAL);
        press.raise("E-A-" + run, AlertSeverity.WARNING);
        press.raise("E-INFO-" + run, AlertSeverity.INFO);

        List<Map<String, Object>> a = await().atMost(TIMEOUT).until(() -> press.groups(null, "E-A-" + run), g -> g.size() == 1);
        List<Map<String, Object>> b = await().atMost(TIMEOUT).until(() -> press.groups(null, "E-B-" + run), g -> g.size() == 1);
        assertThat(incidentId(a.get(0))).isNotEqualTo(incidentId(b.get(0)));
        assertThat(count(a.get(0))).isEqualTo(2);
        assertThat(count(b.get(0))).isEqualTo(1);
        assertThat(field(a.get(0), "severity")).isEqualTo("WARNING");
        await().atMost(TIMEOUT).until(() -> eam.workRequest(incidentId(a.get(0))).isPresent() && eam.workRequest(incidentId(b.get(0))).isPresent());
        assertThat(eam.workRequest(incidentId(a.get(0))).get().get("payload").toString()).contains("priority=MEDIUM");
        assertThat(eam.workRequest(incidentId(b.get(0))).get().get("payload").toString()).contains("priority=HIGH");

        // the INFO alert is on record, and opened nothing
        assertThat(press.groups("PENDING", "E-INFO-" + run)).isEmpty();
        assertThat(press.groups(null, "E-INFO-" + run)).isEmpty();
        assertThat(PostgresDatabase.shared().count("select count(*) from maintenance.machine_event where source_id = ? and fault_code = ? "
                + "and outcome = 'BELOW_SEVERITY'", press.sourceId, "E-INFO-" + run)).isEqualTo(1);
    }

    @Test
    void aMachineRunningAgainClearsItsFaultsAndTheirIncidentsResolve() {
        EdgeEvents press = new EdgeEvents("PRESS-2");
        String fault = "E-RUN-" + run();
        press.raise(fault, AlertSeverity.CRITICAL);
        String incidentId = incidentId(await().atMost(TIMEOUT).until(() -> press.groups("OPEN", fault), g -> g.size() == 1).get(0));
        // a gateway that restarted knows nothing of the code it raised: it only says the machine runs again
        KafkaTestClient.publish(press.state(press.next(), null, MachineState.RUNNING, null, Instant.now()));
        await().atMost(TIMEOUT).until(() -> press.groups("RESOLVED", fault).stream().anyMatch(g -> incidentId.equals(incidentId(g))));
        assertThat(io.restassured.RestAssured.given().get("/api/v1/incidents/" + incidentId).jsonPath().getList("timeline.detail", String.class))
                .anySatisfy(d -> assertThat(d).contains("running again"));
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    static Object field(Map<String, Object> view, String name) {
        return ((Map<String, Object>) view.get("incident")).get(name);
    }

    static String incidentId(Map<String, Object> view) {
        return String.valueOf(field(view, "incidentId"));
    }

    static int count(Map<String, Object> view) {
        return ((Number) field(view, "alertCount")).intValue();
    }

    static long events(String incidentId, EventType type) {
        return KafkaTestClient.readAll(Topics.MAINTENANCE_EVENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> incidentId.equals(r.key()) && type.type().equals(KafkaTestClient.header(r, "ce_type"))).count();
    }
}
