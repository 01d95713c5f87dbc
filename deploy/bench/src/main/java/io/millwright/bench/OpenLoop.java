package io.millwright.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends requests at a fixed offered rate, whatever the answers take (open loop), so slow answers show as latency
 * instead of as a lower rate. Latency is measured from when a request was due, not from when it left, so a load
 * generator that falls behind cannot hide queueing (coordinated omission).
 */
final class OpenLoop {

    /** Requests in flight beyond which the generator stops sending (the system under test is not keeping up at all). */
    private static final int MAX_IN_FLIGHT = 4000;

    private final HttpClient http;
    private final String what;
    private final Latencies latencies = new Latencies();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicLong> refusals = new TreeMap<>();
    private volatile double sendingSeconds = Double.NaN;

    OpenLoop(HttpClient http, String what) {
        this.http = http;
        this.what = what;
    }

    /**
     * Offers {@code ratePerSecond} requests for {@code duration}; {@code request} builds the n-th one. Returns once
     * the last one was sent and every answer has arrived (or timed out).
     */
    OpenLoop run(double ratePerSecond, Duration duration, LongFunction<HttpRequest> request, int expectedStatus) {
        long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        long total = (long) (ratePerSecond * duration.toMillis() / 1000.0);
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                skipped.incrementAndGet();
                continue;
            }
            inFlight.incrementAndGet();
            sent.incrementAndGet();
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request.apply(n), HttpResponse.BodyHandlers.ofString());
            answer.whenComplete((response, failure) -> {
                long latency = System.nanoTime() - due;
                inFlight.decrementAndGet();
                if (failure == null && response.statusCode() == expectedStatus) {
                    accepted.incrementAndGet();
                    latencies.record(latency);
                } else {
                    String reason = failure != null ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode();
                    synchronized (refusals) {
                        refusals.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
                    }
                    latencies.record(latency);
                }
            });
        }
        sendingSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return this;
    }

    long sent() {
        return sent.get();
    }

    /** Requests sent per second while sending: the rate actually offered. */
    double offeredPerSecond() {
        return sent.get() / sendingSeconds;
    }

    long accepted() {
        return accepted.get();
    }

    long skipped() {
        return skipped.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    Latencies latencies() {
        return latencies;
    }

    /** Answers other than the expected status, by reason, e.g. {HTTP 503=12}. */
    String refusals() {
        synchronized (refusals) {
            return refusals.isEmpty() ? "none" : refusals.toString();
        }
    }

    /** One progress line: what was sent and accepted so far, and the latency of the answers since the last line. */
    String progress() {
        Latencies.Window window = latencies.window();
        return String.format("%s: %d sent, %d accepted, %d in flight, last %d answers p50 %.0f ms p99 %.0f ms", what, sent(), accepted(),
                inFlight(), window.count(), window.p50Millis(), window.p99Millis());
    }
}
