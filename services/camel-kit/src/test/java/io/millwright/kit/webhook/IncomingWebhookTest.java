package io.millwright.kit.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testapp.WebhookReceiver;
import io.millwright.kit.testapp.WebhookSecret;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.webhook.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A signed webhook is taken once; bad, stale, unsigned and replayed deliveries are refused before anything is stored. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WebhookSecret.class)
class IncomingWebhookTest {

    @Test
    void aGoodSignatureIsAcceptedAndItsReplayRefused() {
        String body = body();
        String signature = WebhookSignature.sign(WebhookSecret.value(), Instant.now(), UUID.randomUUID().toString(), body);

        send(signature, body).then().statusCode(204);
        assertThat(WebhookReceiver.RECEIVED).contains(body);
        send(signature, body).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("was received before"));
        assertThat(WebhookReceiver.RECEIVED.stream().filter(body::equals)).hasSize(1);
    }

    @Test
    void badStaleAndMissingSignaturesAreRefusedAndNothingIsTaken() {
        String body = body();
        String wrongSecret = WebhookSignature.sign("not-" + WebhookSecret.value(), Instant.now(), UUID.randomUUID().toString(), body);
        send(wrongSecret, body).then().statusCode(401).body("detail", containsString("does not match"));

        String stale = WebhookSignature.sign(WebhookSecret.value(), Instant.now().minus(Duration.ofMinutes(10)), UUID.randomUUID().toString(), body);
        send(stale, body).then().statusCode(401).body("detail", containsString("more than 300 s"));

        String good = WebhookSignature.sign(WebhookSecret.value(), Instant.now(), UUID.randomUUID().toString(), body);
        send(good, body.replace("PASSED", "FAILED")).then().statusCode(401);
        given().auth().none().contentType(ContentType.JSON).body(body).post("/webhooks/kit-test").then().statusCode(401)
                .body("detail", containsString("no Millwright-Signature"));
        send("t=1,v1=00", body).then().statusCode(401);

        assertThat(WebhookReceiver.RECEIVED).doesNotContain(body, body.replace("PASSED", "FAILED"));
    }

    private static String body() {
        return "{\"inspectionId\":\"" + UUID.randomUUID() + "\",\"result\":\"PASSED\"}";
    }

    private static Response send(String signature, String body) {
        return given().auth().none().contentType(ContentType.JSON).header(WebhookSignature.HEADER, signature).body(body)
                .post("/webhooks/kit-test");
    }
}
