package io.millwright.quality;

import static io.millwright.quality.QualityFixtures.T0;
import static io.millwright.quality.QualityFixtures.decide;
import static io.millwright.quality.QualityFixtures.json;
import static io.millwright.quality.QualityFixtures.known;
import static io.millwright.quality.QualityFixtures.produced;
import static io.millwright.quality.QualityFixtures.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Q4: every lot made on a resource in a window, from the genealogy's resources and times; each lot its own hold. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class WindowHoldTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void onlyTheResourcesLotsInsideTheWindowAreHeldAndALotStraddlingItIsToo() {
        String run = run();
        String resource = "RES-W-" + run;
        String inside = "L-IN-" + run;
        String straddling = "L-EDGE-" + run;
        String after = "L-AFTER-" + run;
        String elsewhere = "L-OTHER-" + run;
        produced("PO-IN-" + run, "FG-100", inside, resource, T0.plusSeconds(60), T0.plusSeconds(600));
        produced("PO-EDGE-" + run, "FG-100", straddling, resource, T0.plusSeconds(3000), T0.plusSeconds(5000));
        produced("PO-AFTER-" + run, "FG-100", after, resource, T0.plusSeconds(7200), T0.plusSeconds(7500));
        produced("PO-OTHER-" + run, "FG-100", elsewhere, "RES-ELSEWHERE-" + run, T0.plusSeconds(100), T0.plusSeconds(200));
        await().atMost(FLOW_TIMEOUT).until(() -> known(inside) && known(straddling) && known(after) && known(elsewhere));
        String holdId = "W-" + run;

        JsonPath hold = place(holdId, resource, T0, T0.plusSeconds(3600)).then().statusCode(201)
                .header("X-Millwright-Duplicate", "false").extract().jsonPath();
        assertThat(hold.getList("lots.lotId", String.class)).containsExactlyInAnyOrder(inside, straddling);
        assertThat(hold.getList("lots.holdId", String.class)).containsExactlyInAnyOrder(holdId + ":" + inside, holdId + ":" + straddling);
        assertThat(hold.getString("cause")).isEqualTo("MACHINE_ANOMALY");
        assertThat(hold.getString("incidentId")).isEqualTo("INC-" + run);

        place(holdId, resource, T0, T0.plusSeconds(3600)).then().statusCode(200).header("X-Millwright-Duplicate", "true")
                .body("lots.size()", equalTo(2));
        place(holdId, resource, T0, T0.plusSeconds(7200)).then().statusCode(409).body("detail", containsString("other criteria"));
        given().get("/api/v1/holds/" + holdId).then().statusCode(200).body("resourceId", equalTo(resource)).body("lots.size()", equalTo(2));

        for (String lot : List.of(inside, straddling)) {
            JsonPath quality = given().get("/api/v1/lots/" + lot + "/quality").jsonPath();
            assertThat(quality.getList("holds.holdId", String.class)).containsExactly(holdId + ":" + lot);
            assertThat(quality.getString("holds[0].resourceId")).isEqualTo(resource);
            assertThat(quality.getString("holds[0].windowFrom")).isEqualTo(T0.toString());
        }
        for (String lot : List.of(after, elsewhere)) {
            assertThat(given().get("/api/v1/lots/" + lot + "/quality").jsonPath().getList("holds")).isEmpty();
        }
        KafkaTestClient.await(Topics.QUALITY_EVENTS, r -> r.key() != null && r.key().startsWith(holdId + ":")
                && EventType.QUALITY_HOLD_PLACED.type().equals(KafkaTestClient.header(r, "ce_type")), 2, FLOW_TIMEOUT);

        // each lot is released by its own usage decision
        decide(inside, "ACCEPT").then().statusCode(200).body("releasedHolds", equalTo(List.of(holdId + ":" + inside)));
        assertThat(given().get("/api/v1/lots/" + straddling + "/quality").jsonPath().getString("holds[0].status")).isEqualTo("ACTIVE");
    }

    @Test
    void aWindowWithoutProductionCoversNoLotAndBadRequestsAreRefused() {
        String run = run();
        place("W-EMPTY-" + run, "RES-IDLE-" + run, T0, T0.plusSeconds(60)).then().statusCode(201).body("lots", equalTo(List.of()));

        place("W-BAD-" + run, "RES-1", T0.plusSeconds(60), T0).then().statusCode(422).body("errors.message", hasItem(containsString("before from")));
        place("W BAD " + run, "RES-1", T0, T0.plusSeconds(60)).then().statusCode(422).body("errors.field", hasItem("holdId"));
        place("W-NUL-" + run, "RES-\u0000", T0, T0.plusSeconds(60)).then().statusCode(422);
        given().contentType(ContentType.JSON).body("{\"holdId\":\"W-X\"}").post("/api/v1/holds").then().statusCode(422)
                .body("errors.field", hasItem("resourceId"));
        given().contentType(ContentType.JSON).body("{\"holdId\":\"W-X\",\"resourceId\":\"R\",\"from\":\"yesterday\"}").post("/api/v1/holds")
                .then().statusCode(422);
        given().get("/api/v1/holds/W-NEVER-" + run).then().statusCode(404);
        given().get("/api/v1/holds/W-BAD-" + run).then().statusCode(404);
    }

    private static Response place(String holdId, String resource, Instant from, Instant to) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("holdId", holdId);
        request.put("resourceId", resource);
        request.put("from", from.toString());
        request.put("to", to.toString());
        request.put("reason", "spindle vibration alarm");
        request.put("incidentId", "INC-" + holdId.substring(holdId.lastIndexOf('-') + 1));
        return given().contentType(ContentType.JSON).body(json(request)).post("/api/v1/holds");
    }
}
