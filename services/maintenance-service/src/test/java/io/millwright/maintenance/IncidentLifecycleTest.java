package io.millwright.maintenance;

import static io.millwright.maintenance.IncidentGroupingTest.incidentId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.testing.EamSimulator;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.kit.testing.TestTokens;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.schema.JsonSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * M2-M5 and X1 for one incident: opened, it becomes one EAM work request for the work order on its resource and one
 * spare-parts posting in the ERP; resolved, the work request is resolved, the downtime posted and the window hold
 * requested from quality-service; every step, event and call of it carries the trace of the alert that started it. An
 * EAM outage makes the work request wait; it is sent once when the EAM is back.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(EamWebhookSecret.class)
@QuarkusTestResource(PlantServices.class)
class IncidentLifecycleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final EamSimulator eam = EamSimulator.shared();
    private final ErpSimulator erp = ErpSimulator.shared();

    @Test
    void anIncidentReachesTheEamTheErpAndQualityOnceEachUnderTheTraceOfItsFirstAlert() throws Exception {
        EdgeEvents press = new EdgeEvents("PRESS-1");
        CloudEvent first = press.raise("17", AlertSeverity.CRITICAL);
        String traceId = TraceContext.traceId(EdgeEvents.traceparent(first));
        press.raise("17", AlertSeverity.CRITICAL);

        String incidentId = incidentId(await().atMost(TIMEOUT).until(() -> press.groups(null, "17"), g -> g.size() == 1).get(0));
        Map<String, Object> request = await().atMost(TIMEOUT).until(() -> eam.workRequest(incidentId), Optional::isPresent).get();
        assertThat(request).containsEntry("assetId", "PRESS-1").containsEntry("deliveries", 1);
        assertThat(String.valueOf(request.get("payload"))).contains("RES-PRESS-01", "CC-4200", "SP-HYD-SEAL", "priority=HIGH");
        assertThat(TraceContext.traceId(String.valueOf(request.get("traceparent")))).isEqualTo(traceId);
        Map<String, Object> parts = await().atMost(TIMEOUT).until(() -> posting("maintenance-cost", incidentId + "-PARTS"), Optional::isPresent)
                .get();
        assertThat(String.valueOf(parts.get("request"))).contains("SP-HYD-SEAL", "CC-4200", "480");

        press.clear("17");
        await().atMost(TIMEOUT).until(() -> "RESOLVED".equals(eam.workRequest(incidentId).get().get("status")));
        Map<String, Object> downtime = await().atMost(TIMEOUT).until(() -> posting("downtime", incidentId + "-DOWNTIME"), Optional::isPresent)
                .get();
        assertThat(String.valueOf(downtime.get("request"))).contains("RES-PRESS-01", "CC-4200", "reasonCode=17");
        JsonPath hold = await().atMost(TIMEOUT).until(() -> windowHold("MH-" + incidentId), h -> h != null);
        assertThat(hold.getString("resourceId")).isEqualTo("RES-PRESS-01");
        assertThat(hold.getString("cause")).isEqualTo("MACHINE_ANOMALY");
        assertThat(hold.getString("incidentId")).isEqualTo(incidentId);

        // the incident's timeline: every step, one trace
        JsonPath detail = await().atMost(TIMEOUT).until(() -> given().get("/api/v1/incidents/" + incidentId).then().statusCode(200).extract()
                .jsonPath(), d -> d.getList("timeline.step", String.class).containsAll(List.of("QUALITY_HOLD_REQUESTED",
                        "WORK_REQUEST_RESOLVED", "ERP_DOWNTIME_POSTED")));
        // the chain in order; what resolution sets off runs in queues of its own, in any order
        assertThat(detail.getList("timeline.step", String.class)).containsSubsequence("ALERT_RAISED", "OPENED", "CORRELATED",
                "WORK_REQUESTED", "ALERT_CLEARED", "RESOLVED").containsSubsequence("RESOLVED", "QUALITY_HOLD_REQUESTED")
                .containsSubsequence("RESOLVED", "WORK_REQUEST_RESOLVED").containsSubsequence("RESOLVED", "ERP_DOWNTIME_POSTED")
                .contains("ERP_PARTS_POSTED");
        assertThat(detail.getList("timeline.traceId", String.class)).containsOnly(traceId);
        assertThat(detail.getString("incident.traceId")).isEqualTo(traceId);
        assertThat(detail.getString("incident.state")).isEqualTo("RESOLVED");
        assertThat(detail.getString("workRequest.eamWorkRequestId")).isEqualTo(request.get("workRequestId"));

        // the events, once each, valid, on the same trace; the ERP's calls too
        for (EventType type : List.of(EventType.MAINTENANCE_INCIDENT_OPENED, EventType.MAINTENANCE_WORK_REQUEST_CREATED,
                EventType.MAINTENANCE_INCIDENT_RESOLVED)) {
            List<ConsumerRecord<String, byte[]>> events = KafkaTestClient.await(Topics.MAINTENANCE_EVENTS,
                    r -> incidentId.equals(r.key()) && type.type().equals(KafkaTestClient.header(r, "ce_type")), 1, TIMEOUT);
            assertThat(JsonSchemas.validate(type, events.get(0).value())).as(type.type()).isEmpty();
            assertThat(TraceContext.traceId(KafkaTestClient.header(events.get(0), "traceparent"))).as(type.type()).isEqualTo(traceId);
            assertThat(IncidentGroupingTest.events(incidentId, type)).as(type.type()).isEqualTo(1);
        }
        assertThat(erp.calls("PostDowntime")).filteredOn(c -> (incidentId + "-DOWNTIME").equals(c.get("businessKey")))
                .allSatisfy(c -> assertThat(TraceContext.traceId(String.valueOf(c.get("traceparent")))).isEqualTo(traceId));
        assertThat(eam.workRequest(incidentId).get()).containsEntry("deliveries", 1);
        assertThat(PostgresDatabase.shared().count("select count(*) from maintenance.incident where plant_id = ?", press.plantId)).isEqualTo(1);

        // the incident's journey: by its id and by its trace, with the systems it reached
        JsonPath journey = journey("incident", incidentId);
        assertThat(journey.getList("steps.step", String.class)).containsAll(detail.getList("timeline.step", String.class));
        assertThat(journey.getList("steps.service", String.class)).containsOnly("maintenance-service");
        assertThat(journey.getString("steps.find { it.step == 'ALERT_RAISED' }.outcome")).isEqualTo("FAILED");
        assertThat(journey.getList("steps.system", String.class)).contains("PLC", "EAM", "ERP");
        assertThat(journey("trace", traceId).getList("steps.subject.id", String.class)).containsOnly(incidentId);
        String onTheMachine = detail.getString("incident.activeProductionOrderId");
        if (onTheMachine != null) {
            assertThat(journey("production-order", onTheMachine).getList("steps.subject.id", String.class)).contains(incidentId);
        }
    }

    private static JsonPath journey(String kind, String id) {
        return given().queryParam("kind", kind).queryParam("id", id).get("/api/v1/journey").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void whileTheEamIsDownTheWorkRequestWaitsAndIsSentOnceItIsBack() {
        EdgeEvents press = new EdgeEvents("PRESS-2");
        String fault = "E-EAM-" + IncidentGroupingTest.run();
        eam.down();
        try {
            press.raise(fault, AlertSeverity.WARNING);
            String incidentId = incidentId(await().atMost(TIMEOUT).until(() -> press.groups(null, fault), g -> g.size() == 1).get(0));
            await().atMost(TIMEOUT).until(() -> PostgresDatabase.shared().count("select count(*) from maintenance.kit_work_item "
                    + "where queue = 'maintenance.eam' and item_key = ? and attempts >= 2", incidentId + ":open") == 1);
            assertThat(eam.workRequest(incidentId)).isEmpty();
        } finally {
            eam.up();
        }
        String incidentId = incidentId(press.groups(null, fault).get(0));
        Map<String, Object> request = await().atMost(TIMEOUT).until(() -> eam.workRequest(incidentId), Optional::isPresent).get();
        assertThat(request).containsEntry("deliveries", 1);
        assertThat(given().get("/api/v1/incidents/" + incidentId).jsonPath().getString("incident.incident.status")).isEqualTo("WORK_REQUESTED");
    }

    private Optional<Map<String, Object>> posting(String type, String businessKey) {
        return erp.postings(type).stream().filter(p -> businessKey.equals(p.get("businessKey"))).findFirst();
    }

    private static JsonPath windowHold(String holdId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PlantServices.quality().baseUrl() + "/api/v1/holds/" + holdId))
                .header("Authorization", "Bearer " + TestTokens.withRoles("viewer")).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? new JsonPath(response.body()) : null;
    }
}
