package io.millwright.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;

import io.millwright.edge.status.EdgeMetrics;
import io.millwright.edge.store.DeadLetterQueue;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalLines;
import io.millwright.edge.store.JournalWriter;
import io.millwright.kit.testing.TestTokens;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The journal's dead letters through the operator API: a journal message the forwarder cannot read is kept with
 * its reason and lane, can be inspected, replayed (and is dead-lettered again while the cause remains) and
 * discarded; a dead letter whose cause is gone is forwarded to Kafka when replayed.
 */
@QuarkusTest
@TestProfile(SimulatedAcquisitionTest.Profile.class)
class DeadLetterApiTest {

    private static final String OPERATOR = TestTokens.of("olga", "operator");

    @Inject
    ConnectionFactory connectionFactory;

    @Inject
    EdgeMetrics metrics;

    @Test
    void anUnreadableJournalMessageIsKeptInspectedReplayedAndDiscarded() throws Exception {
        String source = "plant-sim/unreadable";
        long deadLetteredBefore = metrics.deadLettered();
        send(EmbeddedJournal.OUTBOUND, source, "lines-v9", "two entries\nin a format of the future\n", Map.of());

        long id = awaitDeadLetter(source);
        given().get("/api/v1/dead-letters").then().statusCode(200)
                .body("find { it.id == " + id + " }.reason", equalTo("journal message in unknown format lines-v9"))
                .body("find { it.id == " + id + " }.originQueue", equalTo(EmbeddedJournal.OUTBOUND))
                .body("find { it.id == " + id + " }.entries", equalTo(2))
                .body("find { it.id == " + id + " }.connection", equalTo("archive"));
        given().get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("body", equalTo("two entries\nin a format of the future\n"))
                .body("deadLetter.source", equalTo(source));
        assertThat(metrics.deadLettered()).isEqualTo(deadLetteredBefore + 2);

        // replaying and discarding need an operator's token; reading does not
        given().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("vera", "viewer")).post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(403);
        given().auth().oauth2(TestTokens.fromAnotherIssuer("operator")).delete("/api/v1/dead-letters/" + id).then().statusCode(401);
        given().get("/api/v1/dead-letters/" + id).then().statusCode(200);

        // replayed while the cause remains: back in its lane, refused again, a new dead letter
        given().auth().oauth2(OPERATOR).post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(200).body("id", equalTo((int) id));
        long again = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterIds(source), ids -> ids.size() == 1
                && ids.get(0) != id).get(0);
        given().get("/api/v1/dead-letters/" + id).then().statusCode(404);
        assertThat(metrics.deadLettered()).isEqualTo(deadLetteredBefore + 4);

        given().auth().oauth2(OPERATOR).delete("/api/v1/dead-letters/" + again).then().statusCode(200).body("source", equalTo(source));
        given().get("/api/v1/dead-letters/" + again).then().statusCode(404);
        given().auth().oauth2(OPERATOR).delete("/api/v1/dead-letters/" + again).then().statusCode(404).body(containsString("No dead letter"));
        assertThat(deadLetterIds(source)).isEmpty();

        // who did what, newest first; refused attempts are not actions
        List<Map<String, Object>> actions = given().get("/api/v1/operator-actions?limit=1000").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.subject == '" + id + "' || it.subject == '" + again + "' }");
        assertThat(actions).extracting(a -> a.get("action"), a -> a.get("subject"), a -> a.get("actor"))
                .containsExactly(tuple("DEAD_LETTER_DISCARD", String.valueOf(again), "olga"), tuple("DEAD_LETTER_REPLAY", String.valueOf(id), "olga"));
        assertThat((String) actions.get(0).get("detail")).contains("2 entries of " + source + " deleted", "unknown format lines-v9");
    }

    @Test
    void aDeadLetterWhoseCauseIsGoneIsForwardedWhenReplayed() throws Exception {
        // as left by an earlier version that could not forward these entries
        String source = "plant-sim/replayed";
        Instant at = Instant.parse("2026-11-20T08:00:00Z");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (int sequence = 1; sequence <= 2; sequence++) {
            TelemetrySample sample = new TelemetrySample("plant-sim", source, sequence, "bench-1", "replayed.speed",
                    Quantity.of(String.valueOf(sequence * 10), "RPM"), null, SampleQuality.GOOD, null, at.plusSeconds(sequence));
            JournalLines.append(lines, EventType.EDGE_TELEMETRY_SAMPLED, sequence, at.plusSeconds(sequence).toEpochMilli(),
                    ModelJson.mapper().writeValueAsBytes(sample));
        }
        send(EmbeddedJournal.DEAD_LETTER, source, JournalLines.FORMAT, lines.toString(StandardCharsets.UTF_8),
                Map.of(DeadLetterQueue.REASON, "schema violation (fixed since)", DeadLetterQueue.ORIGIN_QUEUE, EmbeddedJournal.OUTBOUND));
        long id = awaitDeadLetter(source);

        given().auth().oauth2(OPERATOR).post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("reason", equalTo("schema violation (fixed since)"));

        List<TelemetrySample> samples = EdgeRecords.samples(EdgeRecords.awaitTelemetry(source, 2, Duration.ofSeconds(30)));
        assertThat(samples).extracting(TelemetrySample::sequenceNumber).containsExactly(1L, 2L);
        assertThat(samples).extracting(s -> s.value().value().intValue()).containsExactly(10, 20);
        assertThat(deadLetterIds(source)).isEmpty();
        given().contentType(ContentType.JSON).get("/api/v1/dead-letters?limit=5").then().statusCode(200);
    }

    private long awaitDeadLetter(String source) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterIds(source), ids -> ids.size() == 1).get(0);
    }

    private static List<Long> deadLetterIds(String source) {
        List<Number> ids = given().get("/api/v1/dead-letters?limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.source == '" + source + "' }.id");
        return ids.stream().map(Number::longValue).toList();
    }

    private void send(String queue, String source, String format, String body, Map<String, String> properties) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body.getBytes(StandardCharsets.UTF_8));
            message.setStringProperty(JournalWriter.FORMAT, format);
            message.setStringProperty(JournalWriter.SOURCE, source);
            // not a connection of the plant file, so the per-connection counters of other tests stay untouched
            message.setStringProperty(JournalWriter.CONNECTION, "archive");
            message.setStringProperty(JournalWriter.PLANT, "plant-sim");
            message.setLongProperty(JournalWriter.SEQUENCE, 1);
            message.setIntProperty(JournalWriter.COUNT, 2);
            message.setStringProperty(JournalWriter.TAG_CLASS, "TELEMETRY");
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            session.createProducer(session.createQueue(queue)).send(message);
        }
    }
}
