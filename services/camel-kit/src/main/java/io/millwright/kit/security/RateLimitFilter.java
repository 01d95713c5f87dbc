package io.millwright.kit.security;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.rest.Problem;
import io.millwright.kit.rest.ProblemMappers;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;

/**
 * Holds each client of a {@link RateLimited} operation to its rate: a SmallRye Fault Tolerance rate limit (rolling
 * window) per limit name and client, the client being the token's {@code azp} (the OAuth 2.0 client) or, without
 * one, its user. Runs after authentication and before the request body is read, so a refused request writes nothing.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    @Context
    ResourceInfo resource;

    @Inject
    SecurityIdentity identity;

    @Inject
    Limits limits;

    /** The limits and their per-client state; a bean of its own, as runtime configuration is not there when providers are made. */
    @ApplicationScoped
    public static class Limits {

        @Inject
        KitConfig config;

        private final Map<String, Guard> guards = new ConcurrentHashMap<>();

        KitConfig.RateLimit settings(String name) {
            return config.rateLimits().get(name);
        }

        void admit(String name, String client) throws Exception {
            KitConfig.RateLimit settings = settings(name);
            guards.computeIfAbsent(name + "\u0000" + client, key -> guard(name, client, settings)).call(() -> null, Void.class);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String name = limitName();
        KitConfig.RateLimit settings = limits.settings(name);
        if (!settings.enabled()) {
            return;
        }
        String client = client();
        try {
            limits.admit(name, client);
        } catch (RateLimitException e) {
            long retryAfterSeconds = Math.max(1, (e.getRetryAfterMillis() + 999) / 1000);
            LOG.debugf("Rate limit %s: client %s is over %d per %s", name, client, limitOf(settings, client), settings.window());
            request.abortWith(Response.status(429)
                    .header("Retry-After", String.valueOf(retryAfterSeconds))
                    .type(MediaType.valueOf(ProblemMappers.PROBLEM_JSON))
                    .entity(new Problem("Too Many Requests", 429, "Client " + client + " sent more than " + limitOf(settings, client)
                            + " requests per " + settings.window().toMillis() + " ms to this operation (limit " + name
                            + "); nothing was stored. Try again after " + retryAfterSeconds + " s.", List.of(), Correlation.current()))
                    .build());
        } catch (Exception e) {
            throw new IllegalStateException("Rate limit " + name + " failed", e);
        }
    }

    private String limitName() {
        RateLimited annotation = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (annotation == null) {
            annotation = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        String value = annotation == null ? "" : annotation.value();
        return value.isBlank() ? resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName() : value;
    }

    private String client() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object azp = token.getClaim("azp");
            if (azp != null && !azp.toString().isBlank()) {
                return azp.toString();
            }
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static int limitOf(KitConfig.RateLimit settings, String client) {
        KitConfig.RateLimit.Client own = settings.clients().get(client);
        return own != null && own.limit().isPresent() ? own.limit().getAsInt() : settings.limit();
    }

    private static Guard guard(String name, String client, KitConfig.RateLimit settings) {
        return Guard.create()
                .withDescription("rate limit " + name + " of " + client)
                .withRateLimit()
                .limit(limitOf(settings, client))
                .window(settings.window().toMillis(), ChronoUnit.MILLIS)
                .type(RateLimitType.ROLLING)
                .done()
                .build();
    }
}
