package io.millwright.quality;

import static io.millwright.quality.QualityFixtures.T0;
import static io.millwright.quality.QualityFixtures.known;
import static io.millwright.quality.QualityFixtures.produced;
import static io.millwright.quality.QualityFixtures.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.kit.testing.QmsSimulator;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.schema.JsonSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The QMS/LIMS simulator talking to quality-service as a real one would: results sent (signed) on command, resends and a
 * result for a lot not produced yet included; a quality case opened in the QMS once per failed result; the usage
 * decision sent as client {@code qms}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(QmsWebhookSecret.class)
class QmsCaseTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    private final QmsSimulator qms = QmsSimulator.shared();

    @BeforeEach
    void qmsTalksToThisService() {
        qms.configure("http://127.0.0.1:" + RestAssured.port);
    }

    @Test
    void aFailSentThreeTimesHoldsOnceAndOpensOneCaseTheQmsKnowsThenTheQmsReleasesIt() {
        String run = run();
        String lot = "L-" + run;
        produced("PO-" + run, "FG-100", lot, "RES-CNC-01", T0, T0.plusSeconds(600));
        await().atMost(FLOW_TIMEOUT).until(() -> known(lot));

        assertThat(qms.sendResult("QR-" + run, lot, "FAIL")).containsEntry("status", 201);
        assertThat(qms.resend("QR-" + run)).containsEntry("status", 200);
        assertThat(qms.resend("QR-" + run)).containsEntry("status", 200);

        List<Map<String, Object>> cases = await().atMost(FLOW_TIMEOUT).until(() -> qms.cases(lot), c -> !c.isEmpty());
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("caseId", "QC-QR-" + run).containsEntry("deliveries", 1);
            assertThat(String.valueOf(c.get("title"))).contains(lot).contains("FG-100");
            assertThat(String.valueOf(c.get("payload"))).contains("QH-QR-" + run).contains("bore-diameter");
        });
        String qmsCaseId = String.valueOf(cases.get(0).get("qmsCaseId"));
        JsonPath quality = await().atMost(FLOW_TIMEOUT).until(() -> given().get("/api/v1/lots/" + lot + "/quality").jsonPath(),
                q -> qmsCaseId.equals(q.getString("cases[0].qmsCaseId")));
        assertThat(quality.getList("cases.caseId", String.class)).containsExactly("QC-QR-" + run);
        assertThat(quality.getList("holds.holdId", String.class)).containsExactly("QH-QR-" + run);
        var opened = KafkaTestClient.await(Topics.QUALITY_EVENTS, r -> ("QC-QR-" + run).equals(r.key()), 1, FLOW_TIMEOUT);
        assertThat(KafkaTestClient.header(opened.get(0), "ce_type")).isEqualTo(EventType.QUALITY_CASE_OPENED.type());
        assertThat(JsonSchemas.validate(EventType.QUALITY_CASE_OPENED, opened.get(0).value())).isEmpty();
        assertThat(new String(opened.get(0).value())).contains(qmsCaseId);

        // the QMS's usage decision, with its own token
        assertThat(qms.decide(lot, "ACCEPT")).containsEntry("status", 200);
        assertThat(given().get("/api/v1/lots/" + lot + "/quality").jsonPath().getString("holds[0].status")).isEqualTo("RELEASED");
        assertThat(qms.decide(lot, "REJECT")).containsEntry("status", 409);

        // the lot's journey here: made, failed in the QMS, held, a case, accepted, released; the same by its production order
        JsonPath journey = given().queryParam("kind", "lot").queryParam("id", lot).get("/api/v1/journey").then().statusCode(200).extract().jsonPath();
        assertThat(journey.getList("steps.step", String.class)).containsSubsequence("LOT_PRODUCED", "QUALITY_RESULT", "QUALITY_HOLD_PLACED")
                .contains("QMS_CASE", "USAGE_DECISION", "QUALITY_HOLD_RELEASED");
        assertThat(journey.getString("steps.find { it.step == 'QUALITY_RESULT' }.outcome")).isEqualTo("FAILED");
        assertThat(journey.getString("steps.find { it.step == 'QUALITY_RESULT' }.system")).isEqualTo("QMS");
        assertThat(journey.getString("steps.find { it.step == 'QMS_CASE' }.detail")).contains(qmsCaseId);
        assertThat(journey.getList("related.id", String.class)).contains("PO-" + run);
        assertThat(given().queryParam("kind", "production-order").queryParam("id", "PO-" + run).get("/api/v1/journey").then().statusCode(200)
                .extract().jsonPath().getList("steps.step", String.class)).containsAll(journey.getList("steps.step", String.class));
    }

    @Test
    void aResultTheQmsSendsBeforeTheLotExistsIsAppliedWhenItIsProduced() {
        String run = run();
        String lot = "L-EARLY-" + run;
        Map<String, Object> sent = qms.sendResult("QR-" + run, lot, "FAIL");
        assertThat(sent).containsEntry("status", 201);
        assertThat(String.valueOf(sent.get("answer"))).contains("PENDING");

        produced("PO-" + run, "FG-100", lot, "RES-CNC-01", T0, T0.plusSeconds(600));
        await().atMost(FLOW_TIMEOUT).until(() -> !qms.cases(lot).isEmpty());
        assertThat(given().get("/api/v1/lots/" + lot + "/quality").jsonPath().getList("holds.holdId", String.class))
                .containsExactly("QH-QR-" + run);
    }
}
