package io.millwright.simulators.eam;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.webhook.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The EAM's work request API (docs/contracts/plant-apps.md): signed, idempotent by Millwright's externalId, status history. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EamWebhookSecret.class)
class EamSimulatorTest {

    private static final String WORK_REQUESTS = "/eam/api/v1/work-requests";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @TestHTTPResource(WORK_REQUESTS)
    URI workRequestsUrl;

    @BeforeEach
    void reset() {
        given().post("/sim/eam/reset").then().statusCode(204);
    }

    @Test
    void aWorkRequestIsTakenOncePerExternalIdAndItsRepeatsAnswerTheSameEamId() throws Exception {
        String body = json(workRequest("WR-INC-1", "PRESS-07"));

        String workRequestId = signed(sign(body), body).header("traceparent", TRACEPARENT).post(WORK_REQUESTS).then().statusCode(201)
                .header("X-Millwright-Duplicate", "false")
                .body("externalId", equalTo("WR-INC-1")).body("workRequestId", matchesPattern("EAM-WR-\\d{6}")).body("status", equalTo("OPEN"))
                .extract().path("workRequestId");
        post(sign(body), body).then().statusCode(200).header("X-Millwright-Duplicate", "true")
                .body("externalId", equalTo("WR-INC-1")).body("workRequestId", equalTo(workRequestId)).body("status", equalTo("OPEN"));

        given().queryParam("assetId", "PRESS-07").get("/sim/eam/work-requests").then().statusCode(200).body("$", hasSize(1))
                .body("[0].workRequestId", equalTo(workRequestId)).body("[0].assetId", equalTo("PRESS-07"))
                .body("[0].status", equalTo("OPEN")).body("[0].deliveries", equalTo(2))
                .body("[0].traceparent", equalTo(TRACEPARENT)).body("[0].payload.incidentId", equalTo("INC-1"))
                .body("[0].payload.spareParts[0].itemId", equalTo("SP-HYD-SEAL-40")).body("[0].statusUpdates", hasSize(0));
        given().queryParam("assetId", "CNC-01").get("/sim/eam/work-requests").then().body("$", hasSize(0));
    }

    @Test
    void concurrentIdenticalRequestsMakeExactlyOneWorkRequest() throws Exception {
        int threads = 6;
        String body = json(workRequest("WR-INC-RACE", "PRESS-07"));
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                HttpRequest request = HttpRequest.newBuilder(workRequestsUrl).header("Content-Type", "application/json")
                        .header(WebhookSignature.HEADER, sign(body)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 200).filteredOn(status -> status == 201).hasSize(1);
        given().get("/sim/eam/work-requests").then().body("$", hasSize(1)).body("[0].deliveries", equalTo(threads));
    }

    @Test
    void incompleteOrWrongWorkRequestsAre422NamingTheFieldsAndNotJsonIs400() throws Exception {
        String incomplete = json(Map.of("externalId", " ", "priority", "URGENT", "reportedAt", "yesterday", "spareParts", "SP-1",
                "plantId", 1000));
        post(sign(incomplete), incomplete).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("externalId", "assetId", "description", "priority", "plantId", "reportedAt",
                        "spareParts"));
        Map<String, Object> oversized = workRequest("WR-" + "9".repeat(80), "PRESS-07");
        post(sign(json(oversized)), json(oversized)).then().statusCode(422).body("errors.field", contains("externalId"))
                .body("errors[0].message", equalTo("must be at most 80 characters"));

        for (String notAnObject : List.of("{not json", "[1, 2]", "\"text\"", "null")) {
            post(sign(notAnObject), notAnObject).then().statusCode(400).contentType("application/problem+json");
        }
        given().get("/sim/eam/work-requests").then().body("$", hasSize(0));
    }

    @Test
    void textPostgresCannotStoreIsRefusedWith422NamingTheField() throws Exception {
        Map<String, Object> request = workRequest("WR-INC-NUL", "PRESS-07");
        request.put("description", "Hydraulic\u0000 pressure low");
        request.put("spareParts", List.of(Map.of("itemId", "SP\u0000-1", "quantity", Map.of("value", 1, "unit", "EA"))));
        String body = json(request);

        post(sign(body), body).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("description", "spareParts[0].itemId"))
                .body("errors.message", hasItem("must not contain the NUL character (U+0000)"));
        given().get("/sim/eam/work-requests").then().body("$", hasSize(0));

        String created = json(workRequest("WR-INC-NUL", "PRESS-07"));
        post(sign(created), created).then().statusCode(201);
        String note = json(Map.of("status", "IN_PROGRESS", "note", "seal\u0000kit"));
        put("WR-INC-NUL", sign(note), note).then().statusCode(422).body("errors.field", contains("note"));
    }

    @Test
    void unsignedWronglySignedAndReplayedCallsAreRefusedAndNothingIsStored() throws Exception {
        String body = json(workRequest("WR-INC-2", "PRESS-07"));
        given().contentType(ContentType.JSON).body(body).post(WORK_REQUESTS).then().statusCode(401).contentType("application/problem+json");
        post(WebhookSignature.sign("wrong-" + EamWebhookSecret.value(), Instant.now(), "d-1", body), body).then().statusCode(401);
        post(WebhookSignature.sign(EamWebhookSecret.value(), Instant.now().minusSeconds(600), "d-2", body), body).then().statusCode(401);
        given().get("/sim/eam/work-requests").then().body("$", hasSize(0));

        String good = sign(body);
        post(good, body).then().statusCode(201);
        post(good, body).then().statusCode(409);
        String update = json(Map.of("status", "CLOSED"));
        given().contentType(ContentType.JSON).body(update).put(WORK_REQUESTS + "/WR-INC-2/status").then().statusCode(401);
        given().get("/sim/eam/work-requests").then().body("$", hasSize(1)).body("[0].deliveries", equalTo(1))
                .body("[0].status", equalTo("OPEN")).body("[0].statusUpdates", hasSize(0));
    }

    @Test
    void statusUpdatesAreKeptInOrderAndTheLastIsTheStatus() throws Exception {
        String body = json(workRequest("WR-INC-3", "CNC-01"));
        String workRequestId = post(sign(body), body).then().statusCode(201).extract().path("workRequestId");

        String started = json(Map.of("status", "IN_PROGRESS", "note", "technician on site", "at", "2026-12-06T10:00:00Z"));
        signed(sign(started), started).header("traceparent", TRACEPARENT).put(WORK_REQUESTS + "/WR-INC-3/status").then()
                .statusCode(200).body("externalId", equalTo("WR-INC-3")).body("workRequestId", equalTo(workRequestId))
                .body("status", equalTo("IN_PROGRESS"));
        String resolved = json(Map.of("status", "RESOLVED"));
        put("WR-INC-3", sign(resolved), resolved).then().statusCode(200).body("status", equalTo("RESOLVED"));
        String unknownStatus = json(Map.of("status", "DONE", "at", "soon"));
        put("WR-INC-3", sign(unknownStatus), unknownStatus).then().statusCode(422).body("errors.field", containsInAnyOrder("status", "at"));
        put("WR-NEVER", sign(resolved), resolved).then().statusCode(404).contentType("application/problem+json");
        put("WR-INC-3", sign("{not json"), "{not json").then().statusCode(400);

        given().queryParam("externalId", "WR-INC-3").get("/sim/eam/work-requests").then().body("$", hasSize(1))
                .body("[0].status", equalTo("RESOLVED"))
                .body("[0].statusUpdates.status", contains("IN_PROGRESS", "RESOLVED"))
                .body("[0].statusUpdates[0].note", equalTo("technician on site"))
                .body("[0].statusUpdates[0].at", equalTo("2026-12-06T10:00:00Z"))
                .body("[0].statusUpdates[0].traceparent", equalTo(TRACEPARENT))
                .body("[0].statusUpdates[1].traceparent", nullValue())
                .body("[0].statusUpdates[1].receivedAt", notNullValue());
        given().queryParam("externalId", "WR-NEVER").get("/sim/eam/work-requests").then().body("$", hasSize(0));
    }

    @Test
    void duringAnOutageCallsAre503AndNothingIsRecordedAfterwardsTheyAreAccepted() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("durationSeconds", 60)).post("/sim/eam/faults").then().statusCode(204);
        String body = json(workRequest("WR-INC-4", "PRESS-07"));
        post(sign(body), body).then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        // the outage answers before the signature is looked at
        given().contentType(ContentType.JSON).body(body).post(WORK_REQUESTS).then().statusCode(503);
        given().get("/sim/eam/faults").then().statusCode(200).body("refused", equalTo(2));
        given().get("/sim/eam/work-requests").then().body("$", hasSize(0));

        given().delete("/sim/eam/faults").then().statusCode(204);
        given().get("/sim/eam/faults").then().statusCode(204);
        post(sign(body), body).then().statusCode(201);
        given().get("/sim/eam/work-requests").then().body("$", hasSize(1)).body("[0].deliveries", equalTo(1));

        given().contentType(ContentType.JSON).body(Map.of()).post("/sim/eam/faults").then().statusCode(204);
        String update = json(Map.of("status", "CANCELLED"));
        put("WR-INC-4", sign(update), update).then().statusCode(503);
        given().get("/sim/eam/faults").then().statusCode(200).body("until", equalTo("cleared"));
        given().post("/sim/eam/reset").then().statusCode(204);
        given().get("/sim/eam/faults").then().statusCode(204);
        given().get("/sim/eam/work-requests").then().body("$", hasSize(0));
    }

    private static Map<String, Object> workRequest(String externalId, String assetId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("externalId", externalId);
        request.put("incidentId", externalId.replace("WR-", ""));
        request.put("plantId", "1000");
        request.put("assetId", assetId);
        request.put("resourceId", assetId);
        request.put("workCenterId", "WC-PRESS");
        request.put("costCenter", "CC-4100");
        request.put("faultCode", "HYD-PRESSURE-LOW");
        request.put("productionOrderId", "PO-700001");
        request.put("priority", "HIGH");
        request.put("description", "Check hydraulic unit, replace seals");
        request.put("reportedAt", "2026-12-06T09:55:00Z");
        request.put("spareParts", List.of(Map.of("itemId", "SP-HYD-SEAL-40", "quantity", Map.of("value", 2, "unit", "EA"))));
        return request;
    }

    private static RequestSpecification signed(String signature, String body) {
        return given().contentType(ContentType.JSON).header(WebhookSignature.HEADER, signature).body(body);
    }

    private static Response post(String signature, String body) {
        return signed(signature, body).post(WORK_REQUESTS);
    }

    private static Response put(String externalId, String signature, String body) {
        return signed(signature, body).put(WORK_REQUESTS + "/" + externalId + "/status");
    }

    private static String sign(String body) {
        return WebhookSignature.sign(EamWebhookSecret.value(), Instant.now(), UUID.randomUUID().toString(), body);
    }

    private static String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
