package io.millwright.kit.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.error.TargetRejectedException;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.testapp.HttpPeer;
import io.millwright.kit.testapp.PeerApi;
import io.millwright.kit.testapp.SimulatedOutageException;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every call to another system runs under that system's breaker, bulkhead and retries, and its answers are sorted. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(HttpPeer.class)
class TargetSystemsTest {

    private static final String PEER = "kit-test-peer";

    @Inject
    TargetSystems targets;

    @Test
    void technicalFailuresOpenTheBreakerWhichRefusesWithoutCallingAndLetsATrialThroughAfterItsDelay() {
        AtomicInteger reached = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            int call = i;
            assertThatThrownBy(() -> targets.call("kit-test-flaky", "probe " + call, () -> {
                reached.incrementAndGet();
                throw new SimulatedOutageException("flaky is down");
            }, Void.class)).isInstanceOf(SimulatedOutageException.class);
        }

        assertThatThrownBy(() -> targets.call("kit-test-flaky", "probe 5", () -> {
            reached.incrementAndGet();
            return null;
        }, Void.class))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("The circuit breaker of kit-test-flaky is open (last failure: SimulatedOutageException: flaky is down): probe 5"
                        + " was not sent")
                .hasCauseInstanceOf(CircuitBreakerOpenException.class)
                .satisfies(e -> assertThat(((TargetUnavailableException) e).target()).isEqualTo("kit-test-flaky"));
        assertThat(reached).hasValue(4);

        // after the breaker's 1 s delay a trial call gets through, and its success closes the breaker
        await().pollDelay(Duration.ofMillis(900)).atMost(Duration.ofSeconds(3))
                .until(() -> "up".equals(quietly(() -> targets.call("kit-test-flaky", () -> "up", String.class))));
        assertThat(targets.call("kit-test-flaky", () -> "still up", String.class)).isEqualTo("still up");
    }

    @Test
    void refusalsPassThroughAndNeverOpenTheBreaker() {
        AtomicInteger reached = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> targets.call("kit-test-strict", "an order", () -> {
                reached.incrementAndGet();
                throw new TargetRejectedException("kit-test-strict", "unknown customer");
            }, Void.class)).isInstanceOf(TargetRejectedException.class).hasMessage("unknown customer");
        }
        assertThat(targets.call("kit-test-strict", () -> {
            reached.incrementAndGet();
            return "accepted";
        }, String.class)).isEqualTo("accepted");
        assertThat(reached).hasValue(11);
    }

    @Test
    void theBulkheadRefusesCallsBeyondTheTargetsLimitAtOnce() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            held.add(CompletableFuture.supplyAsync(() -> targets.call("kit-test-narrow", () -> {
                inside.countDown();
                release.await(10, TimeUnit.SECONDS);
                return "done";
            }, String.class)));
        }
        assertThat(inside.await(5, TimeUnit.SECONDS)).as("two calls in flight").isTrue();

        AtomicInteger third = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> targets.call("kit-test-narrow", "a third call", () -> third.incrementAndGet(), Integer.class))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageContaining("already has 2 calls in flight")
                .hasCauseInstanceOf(BulkheadException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once, not queued").isLessThan(Duration.ofSeconds(2));
        assertThat(third).hasValue(0);

        release.countDown();
        for (CompletableFuture<String> call : held) {
            assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        }
        assertThat(targets.call("kit-test-narrow", () -> third.incrementAndGet(), Integer.class)).isEqualTo(1);
    }

    @Test
    void inLineRetriesRepeatTechnicalFailuresOnlyWhenTheTargetAsksForThem() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(targets.call("kit-test-retrying", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new SimulatedOutageException("not yet");
            }
            return "third time";
        }, String.class)).isEqualTo("third time");
        assertThat(calls).hasValue(3);

        AtomicInteger refused = new AtomicInteger();
        assertThatThrownBy(() -> targets.call("kit-test-retrying", () -> {
            refused.incrementAndGet();
            throw new TargetRejectedException("kit-test-retrying", "no");
        }, Void.class)).isInstanceOf(TargetRejectedException.class);
        assertThat(refused).as("a refusal is not retried").hasValue(1);

        // work queues retry durably: a target without in-line retries is called once
        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> targets.call("kit-test-strict", () -> {
            once.incrementAndGet();
            throw new SimulatedOutageException("down");
        }, Void.class)).isInstanceOf(SimulatedOutageException.class);
        assertThat(once).hasValue(1);
    }

    @Test
    void answersAreSortedIntoResultsRefusalsAndTroubleWorthRetrying() {
        PeerApi peer = targets.restClient(PeerApi.class, PEER);

        assertThat(exchange(peer, 200)).isEqualTo("peer says 200");
        assertThat(exchange(peer, 202)).isEqualTo("peer says 202");
        for (int status : new int[] { 408, 429, 500, 502, 503 }) {
            assertThatThrownBy(() -> exchange(peer, status))
                    .isExactlyInstanceOf(TargetUnavailableException.class)
                    .hasMessage(PEER + " answered " + status + " to probe " + status + ": peer says " + status);
        }
        for (int status : new int[] { 400, 404, 409, 422 }) {
            assertThatThrownBy(() -> exchange(peer, status))
                    .isExactlyInstanceOf(TargetRejectedException.class)
                    .hasMessage(PEER + " answered " + status + " to probe " + status + ": peer says " + status);
        }
        // the same sorting when the REST client throws the answer itself (an interface method that returns the body)
        assertThatThrownBy(() -> targets.call(PEER, "text 404", () -> peer.statusText(404), String.class))
                .isExactlyInstanceOf(TargetRejectedException.class).hasMessageStartingWith(PEER + " answered 404 to text 404");
        assertThatThrownBy(() -> targets.call(PEER, "text 503", () -> peer.statusText(503), String.class))
                .isExactlyInstanceOf(TargetUnavailableException.class).hasMessageStartingWith(PEER + " answered 503 to text 503");
    }

    @Test
    void aCallThatOutlivesTheTargetsTimeoutEndsItselfAsNoAnswer() {
        PeerApi peer = targets.restClient(PeerApi.class, PEER);
        long started = System.nanoTime();
        assertThatThrownBy(() -> targets.call(PEER, "a slow request",
                () -> HttpAnswers.exchange(PEER, "a slow request", () -> peer.slow(3000), answer -> "answered"), String.class))
                .isExactlyInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith(PEER + " did not answer a slow request: ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the 500 ms timeout, not the peer's 3 s")
                .isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void restClientsSendTheCorrelationIdAndTheCurrentTrace() {
        PeerApi peer = targets.restClient(PeerApi.class, PEER);
        assertThat(targets.restClient(PeerApi.class, PEER)).as("built once per target").isSameAs(peer);

        String correlationId = Correlation.newId();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        SpanContext parent = SpanContext.create(traceId, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
        String previous = Correlation.current();
        Correlation.bind(correlationId);
        try (Scope ignored = Span.wrap(parent).makeCurrent()) {
            JsonNode received = targets.call(PEER, peer::echo, JsonNode.class);
            assertThat(received.path("x-correlation-id").asText()).isEqualTo(correlationId);
            assertThat(received.path("traceparent").asText()).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        } finally {
            Correlation.bind(previous);
        }

        JsonNode withoutContext = targets.call(PEER, peer::echo, JsonNode.class);
        assertThat(withoutContext.has("x-correlation-id")).as("no correlation id bound, none sent").isFalse();
    }

    @Test
    void aTargetWithoutAnAddressIsNamedAsAConfigurationError() {
        assertThatThrownBy(() -> targets.restClient(PeerApi.class, "kit-test-nowhere"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("millwright.kit.targets.kit-test-nowhere.url is not set");
    }

    private String exchange(PeerApi peer, int status) {
        String what = "probe " + status;
        return targets.call(PEER, what, () -> HttpAnswers.exchange(PEER, what, () -> peer.status(status),
                answer -> answer.readEntity(String.class)), String.class);
    }

    private static <T> T quietly(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return null;
        }
    }
}
