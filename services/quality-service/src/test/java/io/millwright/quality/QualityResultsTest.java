package io.millwright.quality;

import static io.millwright.quality.QualityFixtures.T0;
import static io.millwright.quality.QualityFixtures.decide;
import static io.millwright.quality.QualityFixtures.known;
import static io.millwright.quality.QualityFixtures.produced;
import static io.millwright.quality.QualityFixtures.result;
import static io.millwright.quality.QualityFixtures.run;
import static io.millwright.quality.QualityFixtures.sendResult;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.schema.JsonSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Q1-Q3 inside quality-service: results in by signed webhook, holds out as events, releases by usage decision only. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(QmsWebhookSecret.class)
class QualityResultsTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aFailedResultHoldsItsLotOnceHoweverOftenItIsSentAndItsEventsMatchTheirSchemas() {
        String run = run();
        String lot = "L-" + run;
        produced("PO-" + run, "FG-100", lot, "RES-CNC-01", T0, T0.plusSeconds(600), "L-RM-" + run);
        await().atMost(FLOW_TIMEOUT).until(() -> known(lot));
        String body = result("R-" + run, lot, "FAIL");

        sendResult(body).then().statusCode(201).body("status", equalTo("APPLIED")).body("holdId", equalTo("QH-R-" + run))
                .header("X-Millwright-Duplicate", "false");
        sendResult(body).then().statusCode(200).body("duplicate", equalTo(true)).body("holdId", equalTo("QH-R-" + run));
        sendResult(body).then().statusCode(200).body("duplicate", equalTo(true));

        JsonPath quality = given().get("/api/v1/lots/" + lot + "/quality").then().statusCode(200).extract().jsonPath();
        assertThat(quality.getList("results.resultId", String.class)).containsExactly("R-" + run);
        assertThat(quality.getString("results[0].productionOrderId")).isEqualTo("PO-" + run);
        assertThat(quality.getString("results[0].itemId")).isEqualTo("FG-100");
        assertThat(quality.getList("results[0].measurements.characteristic", String.class)).containsExactly("bore-diameter", "surface");
        assertThat(quality.getList("holds.holdId", String.class)).containsExactly("QH-R-" + run);
        assertThat(quality.getString("holds[0].status")).isEqualTo("ACTIVE");
        assertThat(quality.getString("holds[0].cause")).isEqualTo("QUALITY_RESULT_FAILED");
        assertThat(quality.getString("holds[0].reason")).contains("bore-diameter");
        assertThat(quality.getString("usageDecision")).isNull();

        List<ConsumerRecord<String, byte[]>> placed = KafkaTestClient.await(Topics.QUALITY_EVENTS,
                r -> ("QH-R-" + run).equals(r.key()), 1, FLOW_TIMEOUT);
        assertThat(KafkaTestClient.readAll(Topics.QUALITY_EVENTS, Duration.ofSeconds(2)))
                .filteredOn(r -> ("QH-R-" + run).equals(r.key()) || lot.equals(r.key()))
                .extracting(r -> KafkaTestClient.header(r, "ce_type"))
                .containsExactlyInAnyOrder(EventType.QUALITY_HOLD_PLACED.type(), EventType.QUALITY_RESULT_RECEIVED.type());
        for (ConsumerRecord<String, byte[]> record : KafkaTestClient.readAll(Topics.QUALITY_EVENTS, Duration.ofMillis(200))) {
            if (("QH-R-" + run).equals(record.key()) || lot.equals(record.key())) {
                EventType type = EventType.fromType(KafkaTestClient.header(record, "ce_type"));
                assertThat(JsonSchemas.validate(type, record.value())).as(type.type()).isEmpty();
            }
        }
        assertThat(new String(placed.get(0).value())).contains(lot);
    }

    @Test
    void aResultForALotNotYetKnownIsKeptAndAppliedWhenTheLotIsProduced() {
        String run = run();
        String lot = "L-LATE-" + run;

        sendResult(result("R-" + run, lot, "FAIL")).then().statusCode(201).body("status", equalTo("PENDING"));
        assertThat(given().get("/api/v1/lots/" + lot + "/quality").jsonPath().getList("holds")).isEmpty();

        produced("PO-" + run, "FG-100", lot, "RES-CNC-01", T0, T0.plusSeconds(600));
        JsonPath quality = await().atMost(FLOW_TIMEOUT).until(() -> given().get("/api/v1/lots/" + lot + "/quality").jsonPath(),
                q -> !q.getList("holds").isEmpty());
        assertThat(quality.getList("holds.holdId", String.class)).containsExactly("QH-R-" + run);
        assertThat(quality.getString("results[0].productionOrderId")).isEqualTo("PO-" + run);
        // the resend after the lot appeared tells what became of it
        sendResult(result("R-" + run, lot, "FAIL")).then().statusCode(200).body("status", equalTo("APPLIED"));
    }

    @Test
    void aResultWhoseLotNeverAppearsBecomesADeadLetterWithTheReason() {
        String run = run();
        String lot = "L-NEVER-" + run;
        sendResult(result("R-" + run, lot, "FAIL")).then().statusCode(201).body("status", equalTo("PENDING"));

        // match-within is 15 s in tests
        List<Map<String, Object>> letters = await().atMost(FLOW_TIMEOUT).until(() -> given().queryParam("routeId", "quality.result-expiry")
                .get("/api/v1/dead-letters").jsonPath().<Map<String, Object>> getList(""),
                l -> l.stream().anyMatch(letter -> String.valueOf(letter.get("reason")).contains(lot)));
        assertThat(letters).filteredOn(letter -> String.valueOf(letter.get("reason")).contains(lot)).singleElement()
                .satisfies(letter -> assertThat(String.valueOf(letter.get("reason"))).contains("R-" + run).contains("matched no lot"));
        sendResult(result("R-" + run, lot, "FAIL")).then().statusCode(200).body("status", equalTo("EXPIRED"));
    }

    @Test
    void aPassingUsageDecisionReleasesOnceAndAContradictingOneIsRefused() {
        String run = run();
        String lot = "L-" + run;
        produced("PO-" + run, "FG-100", lot, "RES-CNC-01", T0, T0.plusSeconds(600));
        await().atMost(FLOW_TIMEOUT).until(() -> known(lot));
        sendResult(result("R-" + run, lot, "FAIL")).then().statusCode(201);
        // a passing re-inspection is recorded; it does not release: only the usage decision does
        sendResult(result("R2-" + run, lot, "PASS")).then().statusCode(201).body("holdId", equalTo(null));
        assertThat(given().get("/api/v1/lots/" + lot + "/quality").jsonPath().getString("holds[0].status")).isEqualTo("ACTIVE");

        decide(lot, "ACCEPT").then().statusCode(200).body("repeated", equalTo(false))
                .body("releasedHolds", equalTo(List.of("QH-R-" + run))).body("decision.decision", equalTo("ACCEPT"));
        decide(lot, "ACCEPT").then().statusCode(200).body("repeated", equalTo(true)).body("releasedHolds", equalTo(List.of()));
        decide(lot, "REJECT").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has the usage decision ACCEPT"));

        JsonPath quality = given().get("/api/v1/lots/" + lot + "/quality").jsonPath();
        assertThat(quality.getString("holds[0].status")).isEqualTo("RELEASED");
        assertThat(quality.getString("usageDecision.decision")).isEqualTo("ACCEPT");
        assertThat(quality.getString("usageDecision.decidedBy")).isNotBlank();
        KafkaTestClient.await(Topics.QUALITY_EVENTS, r -> ("QH-R-" + run).equals(r.key())
                && EventType.QUALITY_HOLD_RELEASED.type().equals(KafkaTestClient.header(r, "ce_type")), 1, FLOW_TIMEOUT);
        assertThat(KafkaTestClient.readAll(Topics.QUALITY_EVENTS, Duration.ofSeconds(1)))
                .filteredOn(r -> ("QH-R-" + run).equals(r.key()))
                .extracting(r -> KafkaTestClient.header(r, "ce_type"))
                .containsExactly(EventType.QUALITY_HOLD_PLACED.type(), EventType.QUALITY_HOLD_RELEASED.type());
        assertThat(given().queryParam("subject", lot).get("/api/v1/operator-actions").jsonPath().getList("action", String.class))
                .containsExactly("USAGE_DECISION");
    }

    @Test
    void aLotMadeFromALotStillOnHoldCannotBeReleased() {
        String run = run();
        String raw = "L-RM-" + run;
        String finished = "L-FG-" + run;
        produced("PO-RM-" + run, "RM-200", raw, "RES-CAST-01", T0, T0.plusSeconds(300));
        produced("PO-FG-" + run, "FG-100", finished, "RES-CNC-01", T0.plusSeconds(400), T0.plusSeconds(900), raw);
        await().atMost(FLOW_TIMEOUT).until(() -> known(finished) && known(raw));
        sendResult(result("R-RM-" + run, raw, "FAIL")).then().statusCode(201);
        sendResult(result("R-FG-" + run, finished, "FAIL")).then().statusCode(201);

        // the genealogy shows the hold on each lot, at every level
        JsonPath genealogy = given().queryParam("direction", "components").get("/api/v1/lots/" + finished + "/genealogy").jsonPath();
        assertThat(genealogy.getList("lot.holds.holdId", String.class)).containsExactly("QH-R-FG-" + run);
        assertThat(genealogy.getList("lot.madeFrom[0].holds.holdId", String.class)).containsExactly("QH-R-RM-" + run);
        assertThat(genealogy.getString("lot.madeFrom[0].holds[0].status")).isEqualTo("ACTIVE");

        decide(finished, "ACCEPT").then().statusCode(409).body("detail", containsString("made from " + raw));
        assertThat(given().get("/api/v1/lots/" + finished + "/quality").jsonPath().getString("usageDecision")).isNull();

        decide(raw, "ACCEPT").then().statusCode(200).body("releasedHolds", equalTo(List.of("QH-R-RM-" + run)));
        decide(finished, "ACCEPT").then().statusCode(200).body("releasedHolds", equalTo(List.of("QH-R-FG-" + run)));
    }

    @Test
    void badDeliveriesAreRefusedAndNothingIsStored() {
        String run = run();
        String lot = "L-BAD-" + run;
        String body = result("R-" + run, lot, "FAIL");
        // unsigned, or signed with another secret
        given().auth().none().contentType("application/json").body(body).post("/webhooks/qms/results").then().statusCode(401);
        given().auth().none().contentType("application/json").header("Millwright-Signature",
                io.millwright.model.webhook.WebhookSignature.sign("not-the-secret", Instant.now(), "d-" + run, body))
                .body(body).post("/webhooks/qms/results").then().statusCode(401);
        // not JSON; no verdict; a lot id the database cannot store; an unknown verdict; a characteristic without a value
        sendResult("{not json").then().statusCode(400);
        sendResult(body.replace("\"verdict\":\"FAIL\",\"characteristics\"", "\"characteristics\"")).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("verdict"));
        sendResult(result("R-NUL-" + run, "L-\u0000-" + run, "FAIL")).then().statusCode(422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("NUL")));
        sendResult(result("R-X-" + run, lot, "MAYBE")).then().statusCode(422);
        sendResult(result("R-" + "9".repeat(80), lot, "FAIL")).then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("resultId"));
        sendResult(body.replace("\"textValue\":\"no visible defects\",", "")).then().statusCode(422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("value")));
        assertThat(given().get("/api/v1/lots/" + lot + "/quality").jsonPath().getList("results")).isEmpty();

        // the same result id with other content
        sendResult(body).then().statusCode(201);
        sendResult(result("R-" + run, lot, "PASS")).then().statusCode(409).body("detail", containsString("other content"));
        assertThat(given().get("/api/v1/lots/" + lot + "/quality").jsonPath().getList("results.verdict", String.class)).containsExactly("FAIL");

        // a usage decision that is not one
        given().contentType("application/json").body("{\"decision\":\"MAYBE\"}").post("/api/v1/lots/" + lot + "/usage-decision")
                .then().statusCode(422);
        given().contentType("application/json").body("{}").post("/api/v1/lots/" + lot + "/usage-decision").then().statusCode(422);
        given().urlEncodingEnabled(false).contentType("application/json").body("{\"decision\":\"ACCEPT\"}")
                .post("/api/v1/lots/L-%00/usage-decision").then().statusCode(400);
        assertThat(given().get("/api/v1/lots/" + lot + "/quality").jsonPath().getString("usageDecision")).isNull();
    }
}
