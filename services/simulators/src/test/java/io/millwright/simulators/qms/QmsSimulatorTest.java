package io.millwright.simulators.qms;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.webhook.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The QMS's quality case API (docs/contracts/plant-apps.md): signed, idempotent by Millwright's case id, recorded. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(QmsWebhookSecret.class)
class QmsSimulatorTest {

    @BeforeEach
    void reset() {
        given().post("/sim/qms/reset").then().statusCode(204);
    }

    @Test
    void aCaseIsOpenedOncePerCaseIdAndItsRepeatsAnswerTheSameQmsCase() throws Exception {
        String body = json(Map.of("caseId", "QC-QR-1", "title", "Lot L-1 of FG-100 failed inspection IP-100", "lotIds", List.of("L-1"),
                "holdId", "QH-QR-1", "resultId", "QR-1"));

        String qmsCaseId = post(sign(body), body).then().statusCode(201).header("X-Millwright-Duplicate", "false")
                .body("caseId", equalTo("QC-QR-1")).body("qmsCaseId", matchesPattern("QMS-CASE-\\d{6}"))
                .extract().path("qmsCaseId");
        post(sign(body), body).then().statusCode(200).header("X-Millwright-Duplicate", "true").body("qmsCaseId", equalTo(qmsCaseId));

        given().queryParam("lotId", "L-1").get("/sim/qms/cases").then().statusCode(200).body("$", hasSize(1))
                .body("[0].qmsCaseId", equalTo(qmsCaseId)).body("[0].deliveries", equalTo(2)).body("[0].payload.holdId", equalTo("QH-QR-1"));
        given().queryParam("lotId", "L-OTHER").get("/sim/qms/cases").then().body("$", hasSize(0));
    }

    @Test
    void unsignedWronglySignedAndIncompleteCasesAreRefusedAndNothingIsStored() throws Exception {
        String body = json(Map.of("caseId", "QC-QR-2", "title", "t", "lotIds", List.of("L-2")));
        given().contentType(ContentType.JSON).body(body).post("/qms/api/v1/quality-cases").then().statusCode(401);
        post(WebhookSignature.sign("wrong-" + QmsWebhookSecret.value(), Instant.now(), "d-1", body), body).then().statusCode(401);
        String incomplete = json(Map.of("caseId", "QC-QR-3", "lotIds", List.of()));
        post(sign(incomplete), incomplete).then().statusCode(422).body("errors.field", hasItems("title", "lotIds"));
        post(sign("{not json"), "{not json").then().statusCode(400);
        given().get("/sim/qms/cases").then().body("$", hasSize(0));
    }

    @Test
    void resultsAndDecisionsNeedToKnowWhereQualityServiceIsAndWhatToSend() {
        given().contentType(ContentType.JSON).body("{\"lotId\":\"L-1\",\"verdict\":\"MAYBE\"}").post("/sim/qms/results").then().statusCode(422)
                .body("errors.field", hasItems("verdict"));
        given().contentType(ContentType.JSON).body("{}").post("/sim/qms/settings").then().statusCode(422);
        given().post("/sim/qms/results/QR-NEVER/resend").then().statusCode(404);
    }

    private static Response post(String signature, String body) {
        return given().contentType(ContentType.JSON).header(WebhookSignature.HEADER, signature).body(body).post("/qms/api/v1/quality-cases");
    }

    private static String sign(String body) {
        return WebhookSignature.sign(QmsWebhookSecret.value(), Instant.now(), UUID.randomUUID().toString(), body);
    }

    private static String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
