package io.millwright.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.millwright.model.webhook.WebhookSignature.Verdict;

class WebhookSignatureTest {

    private static final String SECRET = UUID.randomUUID().toString();
    private static final String BODY = "{\"eventId\":\"e-1\",\"milestone\":\"SHIPPED\"}";
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final SeenDeliveries seen = new SeenDeliveries(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedDeliveryIsValidOnceAndItsRepeatIsAReplay() {
        String header = WebhookSignature.sign(SECRET, NOW.minusSeconds(30), "d-1", BODY);
        assertThat(header).matches("t=\\d+,id=d-1,v1=[0-9a-f]{64}");

        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW, WINDOW, seen).verdict()).isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW, WINDOW, seen).verdict()).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void aChangedBodyOrAnotherSecretIsInvalid() {
        String header = WebhookSignature.sign(SECRET, NOW, "d-2", BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("SHIPPED", "DELIVERED"), NOW, WINDOW, seen).verdict())
                .isEqualTo(Verdict.INVALID);
        assertThat(WebhookSignature.verify("another-" + SECRET, header, BODY, NOW, WINDOW, seen).verdict()).isEqualTo(Verdict.INVALID);
        // the id is signed too: moving a signature to another id does not work
        assertThat(WebhookSignature.verify(SECRET, header.replace("id=d-2", "id=d-3"), BODY, NOW, WINDOW, seen).verdict())
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void aTimestampOutsideTheWindowIsStaleEitherWay() {
        assertThat(WebhookSignature.verify(SECRET, WebhookSignature.sign(SECRET, NOW.minus(Duration.ofMinutes(6)), "d-4", BODY), BODY,
                NOW, WINDOW, seen).verdict()).isEqualTo(Verdict.STALE);
        assertThat(WebhookSignature.verify(SECRET, WebhookSignature.sign(SECRET, NOW.plus(Duration.ofMinutes(6)), "d-5", BODY), BODY,
                NOW, WINDOW, seen).verdict()).isEqualTo(Verdict.STALE);
    }

    @Test
    void missingAndMalformedHeadersAreNamed() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, NOW, WINDOW, seen).verdict()).isEqualTo(Verdict.MISSING);
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, NOW, WINDOW, seen).verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, "t=soon,id=x,v1=abc", BODY, NOW, WINDOW, seen).verdict()).isEqualTo(Verdict.MALFORMED);
        assertThatThrownBy(() -> WebhookSignature.sign(SECRET, NOW, "a,b", BODY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.sign("", NOW, "d", BODY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void seenDeliveriesAreForgottenAfterTheirWindow() {
        SeenDeliveries later = new SeenDeliveries(Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertThat(later.firstSight("old", NOW.plus(WINDOW))).isTrue();
        assertThat(later.firstSight("new", NOW.plus(Duration.ofMinutes(20)))).isTrue();
        assertThat(later.firstSight("other", NOW.plus(Duration.ofMinutes(20)))).isTrue();
        assertThat(later.size()).as("the expired id is dropped on the next offer").isEqualTo(2);
    }
}
