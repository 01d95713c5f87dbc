package io.millwright.kit.deadletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import io.millwright.kit.audit.OperatorActions;
import io.millwright.kit.config.KitConfig;
import io.millwright.model.security.Roles;
import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testapp.ScriptedFailureRoutes;
import io.millwright.kit.testapp.ScriptedFailures;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.kit.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** SPEC X2 operator API: list, inspect, replay and discard dead letters. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DeadLetterResourceTest {

    private static final String DEAD_LETTERS = "/api/v1/dead-letters";

    @Inject
    ProducerTemplate producer;

    @Inject
    ScriptedFailures failures;

    @Inject
    KitConfig config;

    @Test
    void listFiltersByRouteAndStatusAndTheDetailShowsPayloadHeadersAndStackTrace() {
        String key = newKey();
        UUID id = deadLetterFromDirectRoute(key);

        given().queryParam("routeId", ScriptedFailureRoutes.DIRECT_ROUTE_ID).queryParam("status", "NEW").get(DEAD_LETTERS)
                .then().statusCode(200)
                .body("id", hasItem(id.toString()))
                .body("find { it.id == '" + id + "' }.routeId", equalTo(ScriptedFailureRoutes.DIRECT_ROUTE_ID))
                .body("find { it.id == '" + id + "' }.reason", equalTo("SimulatedOutageException: Peer unavailable for " + key
                        + " (call " + (config.errors().maxRedeliveries() + 1) + ")"))
                .body("find { it.id == '" + id + "' }.correlationId", equalTo("corr-" + key))
                .body("find { it.id == '" + id + "' }.replayCount", equalTo(0));
        given().queryParam("routeId", ScriptedFailureRoutes.TOPIC_ROUTE_ID).get(DEAD_LETTERS)
                .then().statusCode(200).body("id", not(hasItem(id.toString())));
        given().queryParam("status", "DISCARDED").get(DEAD_LETTERS)
                .then().statusCode(200).body("id", not(hasItem(id.toString())));

        JsonPath detail = given().get(DEAD_LETTERS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("payload")).isEqualTo(key);
        assertThat(detail.getString("headers")).contains("\"X-Correlation-Id\":\"corr-" + key + "\"");
        assertThat(detail.getString("stackTrace")).contains("SimulatedOutageException").contains("ScriptedFailures.handle");
        assertThat(detail.getString("exceptionType")).isEqualTo("io.millwright.kit.testapp.SimulatedOutageException");
        assertThat(detail.getString("endpointUri")).isEqualTo("direct://kit-test.scripted");
        assertThat(detail.getString("status")).isEqualTo("NEW");
    }

    @Test
    void replayToADirectEndpointProcessesTheMessageOnceTheCauseIsGone() {
        String key = newKey();
        UUID id = deadLetterFromDirectRoute(key);
        int callsBefore = failures.calls(key);
        failures.heal(key);

        given().post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("status", equalTo("REPLAYED"))
                .body("replayCount", equalTo(1));

        assertThat(failures.processed(key)).isTrue();
        assertThat(failures.calls(key)).isEqualTo(callsBefore + 1);
        assertThat(KitTables.deadLetters(key)).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("REPLAYED");
            assertThat(row.get("replay_count")).isEqualTo(1);
        });
        given().get(DEAD_LETTERS + "/" + id).then().statusCode(200).body("status", equalTo("REPLAYED"));
    }

    @Test
    void replayAndDiscardAreRecordedWithTheOperatorAndTimeAndAReaderCannotDoEither() {
        String key = newKey();
        UUID replayed = deadLetterFromDirectRoute(key);
        failures.heal(key);
        UUID discarded = deadLetterFromDirectRoute(newKey());
        String alice = TestTokens.of("alice", Roles.OPERATOR);
        String viewer = TestTokens.of("victor", Roles.VIEWER);
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);

        given().auth().oauth2(viewer).post(DEAD_LETTERS + "/" + replayed + "/replay").then().statusCode(403);
        given().auth().oauth2(viewer).delete(DEAD_LETTERS + "/" + discarded).then().statusCode(403);
        given().auth().oauth2(alice).post(DEAD_LETTERS + "/" + replayed + "/replay").then().statusCode(200);
        given().auth().oauth2(alice).delete(DEAD_LETTERS + "/" + discarded).then().statusCode(200);

        JsonPath replay = given().auth().oauth2(viewer).queryParam("subject", replayed.toString()).get("/api/v1/operator-actions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(replay.getList("action", String.class)).containsExactly(OperatorActions.DEAD_LETTER_REPLAY);
        assertThat(replay.getString("[0].actor")).isEqualTo("alice");
        assertThat(replay.getString("[0].clientId")).isEqualTo("millwright-test");
        assertThat(java.time.Instant.parse(replay.getString("[0].at"))).isAfter(before);
        assertThat(replay.getString("[0].detail")).contains("direct://kit-test.scripted").contains("REPLAYED");

        JsonPath discard = given().auth().oauth2(viewer).queryParam("actor", "alice")
                .queryParam("action", OperatorActions.DEAD_LETTER_DISCARD).get("/api/v1/operator-actions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(discard.getList("subject", String.class)).contains(discarded.toString()).doesNotContain(replayed.toString());
        given().auth().oauth2(viewer).queryParam("since", "yesterday").get("/api/v1/operator-actions").then().statusCode(400);
        // bad input on the trail's query: a 4xx naming the problem, never a 5xx
        given().auth().oauth2(viewer).urlEncodingEnabled(false).get("/api/v1/operator-actions?actor=al%00ice").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(given().auth().oauth2(viewer).queryParam("limit", "many").get("/api/v1/operator-actions").statusCode())
                .isBetween(400, 499);
        given().auth().oauth2(viewer).queryParam("subject", "x".repeat(600)).get("/api/v1/operator-actions").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());
        given().auth().oauth2(viewer).queryParam("subject", "x".repeat(5000)).get("/api/v1/operator-actions").then().statusCode(414);
        given().auth().none().get("/api/v1/operator-actions").then().statusCode(401);
    }

    @Test
    void aReplayThatFailsAgainIsTheSameDeadLetterNewAgainNotACopy() {
        String key = newKey();
        UUID id = deadLetterFromDirectRoute(key);

        given().post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("status", equalTo("NEW"))
                .body("replayCount", equalTo(1))
                .body("occurrences", equalTo(2));

        assertThat(failures.processed(key)).isFalse();
        assertThat(KitTables.deadLetters(key)).singleElement().satisfies(row -> {
            assertThat(row.get("id")).isEqualTo(id);
            assertThat(row.get("status")).isEqualTo("NEW");
            assertThat(row.get("occurrences")).isEqualTo(2);
        });
    }

    @Test
    void aRecordFromKafkaIsReplayedThroughItsRouteAndNotWrittenBackToTheTopic() {
        String key = newKey();
        UUID id = deadLetterFromTopic(key);
        failures.heal(key);

        given().post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(200)
                .body("status", equalTo("REPLAYED"))
                .body("replayCount", equalTo(1));

        assertThat(failures.processed(key)).isTrue();
        assertThat(KitTables.deadLetters(key)).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("REPLAYED"));
        // The service may read the topics it consumes but not write them: the topic still holds the original alone.
        assertThat(KafkaTestClient.readAll(ScriptedFailureRoutes.TOPIC, Duration.ofSeconds(2)))
                .filteredOn(r -> key.equals(r.key())).hasSize(1);
    }

    @Test
    void aRecordFromKafkaThatFailsAgainOnReplayIsTheSameDeadLetterWithItsCorrelation() {
        String key = newKey();
        UUID id = deadLetterFromTopic(key);
        int callsBefore = failures.calls(key);

        given().post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(200)
                .body("status", equalTo("NEW"))
                .body("occurrences", equalTo(2))
                .body("replayCount", equalTo(1))
                // read from the record's ce_correlationid header again, as the route did the first time
                .body("correlationId", equalTo("corr-" + key));

        assertThat(failures.calls(key)).isGreaterThan(callsBefore);
        assertThat(failures.processed(key)).isFalse();
        assertThat(KitTables.deadLetters(key)).singleElement().satisfies(row -> assertThat(row.get("id")).isEqualTo(id));
    }

    /** A record on the scripted topic whose processing keeps failing, until the route gives up on it. */
    private UUID deadLetterFromTopic(String key) {
        failures.failAlways(key);
        KafkaTestClient.send(ScriptedFailureRoutes.TOPIC, key, key.getBytes(StandardCharsets.UTF_8),
                Map.of("ce_correlationid", "corr-" + key));
        UUID id = await().atMost(Duration.ofSeconds(60)).until(() -> KitTables.deadLetters(key), rows -> !rows.isEmpty())
                .stream().map(row -> (UUID) row.get("id")).findFirst().orElseThrow();
        assertThat(failures.processed(key)).isFalse();
        given().get(DEAD_LETTERS + "/" + id).then().statusCode(200).body("correlationId", equalTo("corr-" + key));
        return id;
    }

    @Test
    void discardedLetterIsKeptAndCannotBeReplayed() {
        String key = newKey();
        UUID id = deadLetterFromDirectRoute(key);

        given().delete(DEAD_LETTERS + "/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("status", equalTo("DISCARDED"));

        given().get(DEAD_LETTERS + "/" + id).then().statusCode(200).body("status", equalTo("DISCARDED"));
        given().queryParam("status", "NEW").get(DEAD_LETTERS).then().statusCode(200).body("id", not(hasItem(id.toString())));
        given().queryParam("status", "DISCARDED").get(DEAD_LETTERS).then().statusCode(200).body("id", hasItem(id.toString()));
        assertThat(KitTables.deadLetter(id).get("status")).isEqualTo("DISCARDED");

        failures.heal(key);
        given().post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("discarded"));
        assertThat(failures.processed(key)).isFalse();
        assertThat(KitTables.deadLetter(id).get("status")).isEqualTo("DISCARDED");
    }

    @Test
    void unknownIdIsA404ProblemForEveryOperation() {
        UUID unknown = UUID.randomUUID();

        for (var request : List.of(given().when().get(DEAD_LETTERS + "/" + unknown),
                given().when().post(DEAD_LETTERS + "/" + unknown + "/replay"),
                given().when().delete(DEAD_LETTERS + "/" + unknown))) {
            request.then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("title", equalTo("Not Found"))
                    .body("detail", containsString(unknown.toString()));
        }
    }

    private UUID deadLetterFromDirectRoute(String key) {
        failures.failAlways(key);
        producer.send(ScriptedFailureRoutes.DIRECT_URI, exchange -> {
            exchange.getMessage().setBody(key);
            exchange.getMessage().setHeader("X-Correlation-Id", "corr-" + key);
        });
        List<Map<String, Object>> rows = KitTables.deadLetters(key);
        assertThat(rows).hasSize(1);
        return (UUID) rows.get(0).get("id");
    }

    private static String newKey() {
        return "msg-" + UUID.randomUUID();
    }
}
