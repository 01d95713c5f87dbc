package io.millwright.kit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Request errors answer with RFC 9457 problem details naming the offending fields. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ProblemResponsesTest {

    private static final String SHIPMENTS = "/kit-test/shipments";

    @Test
    void validRequestIsAccepted() {
        given().contentType(ContentType.JSON)
                .body("{\"reference\":\"SHP-1\",\"priority\":2,\"lines\":[{\"itemId\":\"FG-100\",\"quantity\":4}]}")
                .post(SHIPMENTS)
                .then().statusCode(200)
                .body("reference", equalTo("SHP-1"));
    }

    @Test
    void invalidFieldsAreA422ListingEachField() {
        given().contentType(ContentType.JSON).header(Correlation.HTTP_HEADER, "corr-invalid-shipment")
                .body("{\"reference\":\" \",\"priority\":0,\"lines\":[{\"itemId\":\"FG-100\",\"quantity\":4},{\"itemId\":\"\",\"quantity\":-1}]}")
                .post(SHIPMENTS)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("title", equalTo("Validation failed"))
                .body("correlationId", equalTo("corr-invalid-shipment"))
                .body("errors.field", containsInAnyOrder("lines[1].itemId", "lines[1].quantity", "priority", "reference"))
                .body("errors.message", not(hasItem((String) null)));
    }

    @Test
    void malformedJsonIsA400() {
        given().contentType(ContentType.JSON)
                .body("{\"reference\":\"SHP-1\",\"lines\":[")
                .post(SHIPMENTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Malformed JSON"))
                .body("detail", notNullValue());
    }

    @Test
    void valueOfTheWrongTypeIsA422NamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"reference\":\"SHP-1\",\"priority\":\"urgent\",\"lines\":[{\"itemId\":\"FG-100\",\"quantity\":4}]}")
                .post(SHIPMENTS)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("priority"));
        given().contentType(ContentType.JSON)
                .body("{\"reference\":\"SHP-1\",\"priority\":1,\"lines\":[{\"itemId\":\"FG-100\",\"quantity\":\"four\"}]}")
                .post(SHIPMENTS)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("lines[0].quantity"));
    }

    @Test
    void textADatabaseCannotStoreIsA422NamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"reference\":\"SHP\\u0000-1\",\"priority\":1,\"lines\":[{\"itemId\":\"FG\\u0000100\",\"quantity\":4}]}")
                .post(SHIPMENTS)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(anyOf(equalTo("reference"), equalTo("lines[0].itemId"))))
                .body("errors.message", everyItem(equalTo("must not contain the NUL character (U+0000)")));
    }

    @Test
    void aParameterADatabaseCannotStoreIsA400NamingTheParameter() {
        given().urlEncodingEnabled(false).get(SHIPMENTS + "/SHP-1?plant=10%0000")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("plant"))
                .body("errors.message", contains("must not contain the NUL character (U+0000)"));
        given().urlEncodingEnabled(false).get(SHIPMENTS + "/SHP%00-1")
                .then().statusCode(400)
                .body("errors.field", contains("reference"));
        given().get(SHIPMENTS + "/SHP-1?plant=1000").then().statusCode(200).body("plant", equalTo("1000"));
    }
}
