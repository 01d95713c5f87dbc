package io.millwright.kit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.kit.testing.TestTokens;
import io.millwright.model.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A client over its rate on an ingress operation is answered 429 with Retry-After; other clients are not affected. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class RateLimitTest {

    private static final String SHIPMENTS = "/kit-test/shipments";
    private static final String BODY = """
            {"reference": "R-1", "priority": 1, "lines": [{"itemId": "FG-100", "quantity": 2}]}""";

    @Test
    void aClientOverItsLimitGets429WithRetryAfterWhileOtherClientsGoOn() {
        String burst = TestTokens.ofClient("burst-client", Roles.OPERATOR);
        String calm = TestTokens.ofClient("calm-client", Roles.OPERATOR);

        for (int i = 0; i < 3; i++) {
            post(burst).then().statusCode(200).body("reference", equalTo("R-1"));
        }
        Response refused = post(burst);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString("burst-client"))
                .body("detail", containsString("nothing was stored"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);

        // another client has its own limit (the default, 500 per window)
        for (int i = 0; i < 5; i++) {
            post(calm).then().statusCode(200);
        }
        // the refusal does not depend on the body: a bad body over the limit is still 429, not 422
        given().auth().oauth2(burst).contentType(ContentType.JSON).body("{}").post(SHIPMENTS).then().statusCode(429);

        // a client that waits as long as the window says may send again (refused requests count too: hammering
        // on keeps a client refused)
        await().pollDelay(Duration.ofMillis(2200)).atMost(Duration.ofSeconds(3)).until(() -> true);
        post(burst).then().statusCode(200);
    }

    private static Response post(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(BODY).post(SHIPMENTS);
    }
}
