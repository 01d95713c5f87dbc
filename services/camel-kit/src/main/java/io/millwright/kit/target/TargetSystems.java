package io.millwright.kit.target;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.error.Failures;
import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.security.ServiceTokens;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The external systems a service calls, each configured once under {@code millwright.kit.targets.<name>} (URL,
 * connect and call timeouts, circuit breaker, bulkhead, in-line retries). Every call to a target goes through
 * {@link #call}: a SmallRye Fault Tolerance {@link Guard} built from the target's settings, shared by every caller of
 * that target in this instance. The timeouts are the transport's (REST client read timeout, CXF receive timeout), so
 * a call ends itself and nobody interrupts its thread.
 *
 * <p>Failures come out sorted: a refusal ({@link io.millwright.kit.error.TargetRejectedException}, or any other
 * failure a retry cannot cure) passes through and does not count against the breaker; everything else is a
 * {@link TargetUnavailableException} naming the target, with the breaker's or bulkhead's refusal as its cause.
 */
@ApplicationScoped
public class TargetSystems {

    @Inject
    KitConfig config;

    @Inject
    ServiceTokens serviceTokens;

    private final Map<String, Guard> guards = new ConcurrentHashMap<>();
    private final Map<String, Object> restClients = new ConcurrentHashMap<>();
    /** The latest technical failure per target, named when its breaker refuses a call (so the reason says why it opened). */
    private final Map<String, String> lastFailures = new ConcurrentHashMap<>();

    /** The target's settings (defaults for a target nobody configured). */
    public KitConfig.Target settings(String target) {
        return config.targets().get(target);
    }

    /** The target's URL; a target without one is a configuration error, named as such. */
    public String url(String target) {
        return settings(target).url()
                .filter(url -> !url.isBlank())
                .orElseThrow(() -> new IllegalStateException("millwright.kit.targets." + target + ".url is not set"));
    }

    /** As {@link #call(String, String, Callable, Class)}, described as "a call". */
    public <T> T call(String target, Callable<T> call, Class<T> resultType) {
        return call(target, "a call", call, resultType);
    }

    /**
     * Runs one call to the target under its breaker, bulkhead and in-line retries.
     *
     * @param what what the call sends, for the reason an operator reads ("work order PO-1")
     */
    public <T> T call(String target, String what, Callable<T> call, Class<T> resultType) {
        Guard guard = guards.computeIfAbsent(target, this::guard);
        try {
            return guard.call(() -> sorted(target, what, call), resultType);
        } catch (CircuitBreakerOpenException e) {
            String last = lastFailures.get(target);
            throw new TargetUnavailableException(target, "The circuit breaker of " + target + " is open"
                    + (last == null ? "" : " (last failure: " + last + ")") + ": " + what + " was not sent", e);
        } catch (BulkheadException e) {
            throw new TargetUnavailableException(target, target + " already has " + settings(target).maxConcurrentCalls()
                    + " calls in flight from this instance: " + what + " was not sent", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TargetUnavailableException(target, target + " call for " + what + " failed: " + Failures.reason(e), e);
        }
    }

    /**
     * Sends one request under the target's guard ({@link #call(String, String, Callable, Class)}) and reads a 2xx answer's
     * body as text; every other outcome is sorted by {@link HttpAnswers}.
     */
    public String callForText(String target, String what, Supplier<Response> send) {
        return call(target, what, () -> HttpAnswers.exchange(target, what, send, response -> response.readEntity(String.class)), String.class);
    }

    /**
     * A Quarkus REST client of {@code api} at the target's URL, with its connect and read timeouts and the
     * {@link CorrelationHeadersFactory} (with this service's bearer token when the target has {@code bearer-token}).
     * Built once per interface and target, then shared (REST clients are thread-safe).
     */
    public <T> T restClient(Class<T> api, String target) {
        return api.cast(restClients.computeIfAbsent(api.getName() + "@" + target, key -> {
            KitConfig.Target settings = settings(target);
            return QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(url(target)))
                    .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .clientHeadersFactory(new CorrelationHeadersFactory(settings.bearerToken() ? serviceTokens::authorization : null))
                    .build(api);
        }));
    }

    /**
     * HTTP failures thrown by a REST client (not read through {@link HttpAnswers}) sorted the same way; the target's
     * trouble is remembered for the breaker's refusals.
     */
    private <T> T sorted(String target, String what, Callable<T> call) throws Exception {
        try {
            try {
                return call.call();
            } catch (WebApplicationException e) {
                if (e.getResponse() == null) {
                    throw e;
                }
                throw HttpAnswers.failure(target, what, e.getResponse());
            } catch (ProcessingException e) {
                throw HttpAnswers.noAnswer(target, what, e);
            }
        } catch (Exception e) {
            if (countsAsFailure(e)) {
                lastFailures.put(target, Failures.reason(e));
            }
            throw e;
        }
    }

    private Guard guard(String target) {
        KitConfig.Target settings = settings(target);
        Guard.Builder builder = Guard.create().withDescription("target " + target);
        KitConfig.Target.Retry retry = settings.retry();
        if (retry.maxRetries() > 0) {
            builder.withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                    .whenException(TargetSystems::countsAsFailure)
                    .done();
        }
        KitConfig.Target.CircuitBreaker breaker = settings.circuitBreaker();
        if (breaker.enabled()) {
            builder.withCircuitBreaker()
                    .name("millwright-target-" + target)
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .when(TargetSystems::countsAsFailure)
                    .done();
        }
        builder.withBulkhead().limit(settings.maxConcurrentCalls()).done();
        return builder.build();
    }

    /** The target's trouble, not the request's: refusals and invalid requests neither open the breaker nor retry. */
    static boolean countsAsFailure(Throwable failure) {
        return Failures.isRetryable(failure) && !(failure instanceof CircuitBreakerOpenException) && !(failure instanceof BulkheadException);
    }
}
