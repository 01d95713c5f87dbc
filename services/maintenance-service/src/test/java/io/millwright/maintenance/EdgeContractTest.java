package io.millwright.maintenance;

import static io.millwright.maintenance.IncidentGroupingTest.count;
import static io.millwright.maintenance.IncidentGroupingTest.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.Management;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineState;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The edge contract on the cloud side: events are taken once per (ce_subject, ce_sequence), so a replay after an outage
 * opens no second incident; a jump in a source's numbers is a gap, counted per plant and shown on the source; events
 * that break the contract (unknown asset, malformed data, the wrong schema, an envelope that contradicts its data) are
 * dead letters with the reason, and the events after them go on.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(EamWebhookSecret.class)
@QuarkusTestResource(PlantServices.class)
class EdgeContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aReplayAfterAnOutageOpensNoSecondIncidentAndAGapIsCounted() {
        EdgeEvents press = new EdgeEvents("PRESS-1");
        String fault = "E-REPLAY-" + run();
        Instant t0 = Instant.now();
        List<CloudEvent> sent = new ArrayList<>();
        sent.add(press.state(press.next(), MachineState.RUNNING, MachineState.FAULT, fault, t0));
        for (int i = 1; i <= 4; i++) {
            sent.add(press.raised(press.next(), fault, AlertSeverity.CRITICAL, t0.plusSeconds(i)));
        }
        sent.forEach(KafkaTestClient::publish);
        String incidentId = await().atMost(TIMEOUT).until(() -> press.groups(null, fault), g -> g.size() == 1 && count(g.get(0)) == 4)
                .get(0).get("incident") instanceof Map<?, ?> incident ? String.valueOf(incident.get("incidentId")) : null;

        // the gateway lost its acknowledgements and sends everything again, then goes on
        double replaysBefore = routeMetric("millwright_events_duplicates_total", "maintenance.edge-events");
        sent.forEach(KafkaTestClient::publish);
        // and a gateway that numbers an event again under another ce_id: the same (subject, sequence)
        KafkaTestClient.publish(CloudEventBuilder.v1(sent.get(2)).withId("re-minted-" + run()).build());
        KafkaTestClient.publish(press.raised(press.next(), fault, AlertSeverity.CRITICAL, t0.plusSeconds(5)));
        await().atMost(TIMEOUT).until(() -> source(press).getLong("events") == 6 && source(press).getLong("duplicates") == 1);
        assertThat(routeMetric("millwright_events_duplicates_total", "maintenance.edge-events")).isEqualTo(replaysBefore + 5);
        JsonPath source = source(press);
        assertThat(source.getLong("gaps")).isZero();
        assertThat(press.groups(null, fault)).singleElement().satisfies(g -> {
            assertThat(IncidentGroupingTest.incidentId(g)).isEqualTo(incidentId);
            assertThat(count(g)).isEqualTo(5);
        });
        assertThat(PostgresDatabase.shared().count("select count(*) from maintenance.incident where plant_id = ?", press.plantId)).isEqualTo(1);

        // three events never arrive
        double gapsBefore = metric("millwright_edge_sequence_gaps_total", press.plantId);
        press.skip(3);
        KafkaTestClient.publish(press.raised(press.next(), fault, AlertSeverity.CRITICAL, t0.plusSeconds(9)));
        await().atMost(TIMEOUT).until(() -> source(press).getLong("gaps") == 1);
        source = source(press);
        assertThat(source.getLong("missing")).isEqualTo(3);
        assertThat(source.getString("lastGap")).isEqualTo("7..9");
        assertThat(source.getLong("highestSequence")).isEqualTo(10);
        assertThat(metric("millwright_edge_sequence_gaps_total", press.plantId)).isEqualTo(gapsBefore + 1);
        assertThat(metric("millwright_edge_sequence_missing_total", press.plantId)).isEqualTo(3);
    }

    @Test
    void eventsThatBreakTheContractAreDeadLettersWithTheReasonAndTheFlowGoesOn() {
        String run = run();
        EdgeEvents unknown = new EdgeEvents("NO-SUCH-ASSET-" + run);
        KafkaTestClient.publish(unknown.raised(unknown.next(), "E-1", AlertSeverity.CRITICAL, Instant.now()));

        EdgeEvents press = new EdgeEvents("PRESS-1");
        // valid JSON, but not what the schema says (no faultCode)
        Map<String, String> headers = edgeHeaders(press, "edge.machine-alert.raised", 1);
        KafkaTestClient.send(Topics.EDGE_EVENTS, press.sourceId, ("{\"plantId\":\"" + press.plantId + "\",\"sourceId\":\"" + press.sourceId
                + "\",\"sequenceNumber\":1,\"assetId\":\"PRESS-1\",\"severity\":\"CRITICAL\",\"raisedAt\":\"2026-12-06T08:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8), headers);
        // not JSON at all
        KafkaTestClient.send(Topics.EDGE_EVENTS, press.sourceId, "<alarm/>".getBytes(StandardCharsets.UTF_8),
                edgeHeaders(press, "edge.machine-alert.raised", 2));
        // the data of a state change under the alert's type
        press.next();
        press.next();
        CloudEvent state = press.state(press.next(), MachineState.RUNNING, MachineState.IDLE, null, Instant.now());
        Map<String, String> wrongType = edgeHeaders(press, "edge.machine-alert.raised", 3);
        KafkaTestClient.send(Topics.EDGE_EVENTS, press.sourceId, state.getData().toBytes(), wrongType);
        // an envelope whose sequence is not the data's
        CloudEvent alert = press.raised(press.next(), "E-SEQ-" + run, AlertSeverity.CRITICAL, Instant.now());
        Map<String, String> lying = new HashMap<>();
        DomainEvents.kafkaHeaders(alert).forEach((k, v) -> lying.put(k, new String(v, StandardCharsets.UTF_8)));
        lying.put("ce_sequence", "999");
        KafkaTestClient.send(Topics.EDGE_EVENTS, press.sourceId, alert.getData().toBytes(), lying);
        // text the database cannot hold: a plant id longer than a source may be, a NUL in a fault code
        EdgeEvents oversized = new EdgeEvents("P-" + run + "-" + "x".repeat(300), "PRESS-1");
        KafkaTestClient.publish(oversized.raised(oversized.next(), "E-LONG-" + run, AlertSeverity.CRITICAL, Instant.now()));
        EdgeEvents nul = new EdgeEvents("PRESS-1");
        KafkaTestClient.publish(nul.raised(nul.next(), "E-NUL-" + run + "\u0000", AlertSeverity.CRITICAL, Instant.now()));
        // and then a good alert of the same source
        String fault = "E-AFTER-" + run;
        press.raise(fault, AlertSeverity.CRITICAL);

        await().atMost(TIMEOUT).until(() -> press.groups(null, fault).size() == 1);
        List<Map<String, Object>> letters = await().atMost(TIMEOUT).until(() -> deadLetters(run, press.plantId),
                l -> l.size() >= 7);
        List<String> reasons = letters.stream().map(l -> String.valueOf(l.get("reason"))).toList();
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("NO-SUCH-ASSET-" + run).contains("no place in the ERP"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("faultCode"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).containsIgnoringCase("json"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("ce_sequence 999"));
        assertThat(letters).allSatisfy(l -> assertThat(l).containsEntry("routeId", "maintenance.edge-events"));
    }

    private static Map<String, String> edgeHeaders(EdgeEvents press, String type, long sequence) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", press.sourceId + "/" + sequence);
        headers.put("ce_source", DomainEvents.source("edge-gateway:" + press.plantId));
        headers.put("ce_type", "io.millwright." + type);
        headers.put("ce_subject", press.sourceId);
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_sequence", Long.toString(sequence));
        headers.put("content-type", "application/json");
        return headers;
    }

    /** Dead letters of the edge route that name this run or this plant, with their payload. */
    private static List<Map<String, Object>> deadLetters(String run, String plantId) {
        List<Map<String, Object>> summaries = given().queryParam("routeId", "maintenance.edge-events").queryParam("limit", 1000)
                .get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> summary : summaries) {
            Map<String, Object> detail = given().get("/api/v1/dead-letters/" + summary.get("id")).then().statusCode(200).extract()
                    .jsonPath().getMap("$");
            String text = detail.get("reason") + " " + detail.get("payload") + " " + detail.get("headers");
            if (text.contains(run) || text.contains(plantId)) {
                mine.add(detail);
            }
        }
        return mine;
    }

    private static JsonPath source(EdgeEvents press) {
        return new JsonPath(given().queryParam("plantId", press.plantId).get("/api/v1/edge/sources").then().statusCode(200).extract()
                .asString()).setRootPath("[0]");
    }

    static double metric(String name, String plantId) {
        return metric(name, "plant", plantId);
    }

    static double routeMetric(String name, String routeId) {
        return metric(name, "route", routeId);
    }

    private static double metric(String name, String tag, String value) {
        String scrape = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(tag + "=\"" + value + "\"")) {
                // the value follows the labels; an exemplar (# {trace_id=...} ...) may follow it
                return Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]);
            }
        }
        return 0;
    }
}
