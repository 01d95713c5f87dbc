package io.millwright.maintenance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input to maintenance-service's API is a clear 4xx naming the parameter, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(EamWebhookSecret.class)
@QuarkusTestResource(PlantServices.class)
class MaintenanceApiInputTest {

    @Test
    void unknownStatesLimitsAndTimesAre422NamingTheField() {
        given().queryParam("state", "BROKEN").get("/api/v1/incidents").then().statusCode(422).body("errors.field", hasItem("state"));
        given().queryParam("limit", 0).get("/api/v1/incidents").then().statusCode(422).body("errors.field", hasItem("limit"));
        given().queryParam("limit", "many").get("/api/v1/incidents").then().statusCode(404);
        given().queryParam("from", "yesterday").get("/api/v1/resources/RES-PRESS-01/downtime").then().statusCode(422)
                .body("errors.field", hasItem("from"));
        given().queryParam("from", "2026-12-06T10:00:00Z").queryParam("to", "2026-12-06T09:00:00Z").get("/api/v1/resources/RES-PRESS-01/downtime")
                .then().statusCode(422).body("errors.field", hasItem("to"));
        given().queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2026-12-06T09:00:00Z").get("/api/v1/resources/RES-PRESS-01/downtime")
                .then().statusCode(422).body("errors.field", hasItem("from"));
    }

    @Test
    void textTheDatabaseCannotStoreIs400NamingTheParameter() {
        given().urlEncodingEnabled(false).get("/api/v1/incidents/MI-%00").then().statusCode(400).body("errors.field", hasItem("incidentId"));
        given().urlEncodingEnabled(false).get("/api/v1/incidents?assetId=A%00").then().statusCode(400).body("errors.field", hasItem("assetId"));
        given().urlEncodingEnabled(false).get("/api/v1/resources/R%00/downtime").then().statusCode(400).body("errors.field", hasItem("resourceId"));
        given().urlEncodingEnabled(false).get("/api/v1/edge/sources?plantId=P%00").then().statusCode(400).body("errors.field", hasItem("plantId"));
        given().get("/api/v1/incidents/MI-999999999").then().statusCode(404);
    }
}
