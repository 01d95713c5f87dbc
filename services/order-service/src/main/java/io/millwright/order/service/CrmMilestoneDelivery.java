package io.millwright.order.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.deadletter.DeadLetterStore;
import io.millwright.kit.route.NonRetryableException;
import io.millwright.model.common.ModelJson;
import io.millwright.order.config.OrderConfig;
import io.millwright.order.persistence.CrmDeliveryEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * O4: delivers queued milestones to the CRM webhook. Due deliveries are claimed with a lease (row lock, SKIP LOCKED)
 * so replicas never send the same one at once, and no transaction is held during the HTTP call. A failed attempt is
 * retried with doubling pauses; after {@code max-attempts}, or at once for an answer the CRM will never change its
 * mind about (4xx other than 408/429), the delivery goes to the dead-letter store with the reason. Replaying that
 * dead letter sends it through {@code direct:order.crm-milestone-webhook}, which tries once more.
 */
@ApplicationScoped
public class CrmMilestoneDelivery {

    public static final String REPLAY_ROUTE_ID = "order.crm-milestone-webhook";
    public static final String REPLAY_URI = "direct:" + REPLAY_ROUTE_ID;

    private static final Logger LOG = Logger.getLogger(CrmMilestoneDelivery.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    OrderConfig config;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    CamelContext camel;

    @Inject
    MeterRegistry metrics;

    /** Failed delivery; {@code permanent} when sending it again unchanged cannot help. */
    public static class CrmDeliveryException extends RuntimeException {
        final boolean permanent;

        CrmDeliveryException(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }
    }

    private record Claim(UUID eventId, String payload, String correlationId) {
    }

    /** @return how many deliveries were attempted */
    public int deliverDue() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claimDue);
        claims.forEach(this::attempt);
        return claims.size();
    }

    /**
     * One delivery now, for a replayed dead letter (body = the webhook JSON). Throws when it fails, so the route's
     * error handling retries and, in the end, dead-letters it again.
     */
    public void deliverReplayed(String payload) {
        UUID eventId = eventIdOf(payload);
        Optional<CrmDeliveryEntity> delivery = QuarkusTransaction.requiringNew()
                .call(() -> CrmDeliveryEntity.<CrmDeliveryEntity> findByIdOptional(eventId));
        post(payload, delivery.map(d -> d.correlationId).orElse(Correlation.current()));
        QuarkusTransaction.requiringNew().run(() -> {
            CrmDeliveryEntity entity = CrmDeliveryEntity.findById(eventId);
            if (entity != null) {
                entity.attempts++;
                delivered(entity);
            }
        });
        LOG.infof("Milestone %s delivered to the CRM on replay", eventId);
    }

    private List<Claim> claimDue() {
        Instant now = Instant.now();
        List<CrmDeliveryEntity> due = CrmDeliveryEntity.<CrmDeliveryEntity> find(
                "status = ?1 and nextAttemptAt <= ?2 order by createdAt", CrmDeliveryEntity.Status.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, BATCH)
                .list();
        return due.stream().map(delivery -> {
            delivery.nextAttemptAt = now.plus(LEASE);
            return new Claim(delivery.eventId, delivery.payload, delivery.correlationId);
        }).toList();
    }

    private void attempt(Claim claim) {
        try {
            post(claim.payload(), claim.correlationId());
            QuarkusTransaction.requiringNew().run(() -> {
                CrmDeliveryEntity delivery = CrmDeliveryEntity.findById(claim.eventId());
                delivery.attempts++;
                delivered(delivery);
            });
        } catch (RuntimeException e) {
            boolean permanent = e instanceof CrmDeliveryException failure && failure.permanent;
            QuarkusTransaction.requiringNew().run(() -> failed(claim, e, permanent));
        }
    }

    private void delivered(CrmDeliveryEntity delivery) {
        delivery.status = CrmDeliveryEntity.Status.DELIVERED;
        delivery.deliveredAt = Instant.now();
        delivery.nextAttemptAt = null;
        delivery.lastError = null;
        metrics.counter("millwright.order.crm.deliveries", "outcome", "delivered").increment();
    }

    private void failed(Claim claim, RuntimeException e, boolean permanent) {
        CrmDeliveryEntity delivery = CrmDeliveryEntity.findById(claim.eventId());
        OrderConfig.Crm crm = config.crm();
        delivery.attempts++;
        delivery.lastError = e.getMessage();
        if (permanent || delivery.attempts >= crm.maxAttempts()) {
            delivery.status = CrmDeliveryEntity.Status.DEAD_LETTERED;
            delivery.nextAttemptAt = null;
            String reason = "Milestone " + delivery.milestone + " of order " + delivery.orderId + " not delivered to the CRM after "
                    + delivery.attempts + " attempt(s): " + e.getMessage();
            deadLetter(claim, reason);
            metrics.counter("millwright.order.crm.deliveries", "outcome", "dead-lettered").increment();
            return;
        }
        long pause = Math.min(crm.maxBackoffMs(), crm.initialBackoffMs() << Math.min(delivery.attempts - 1, 20));
        delivery.nextAttemptAt = Instant.now().plusMillis(pause);
        LOG.warnf("Milestone %s of order %s: CRM delivery attempt %d failed, next in %d ms: %s", delivery.milestone,
                delivery.orderId, delivery.attempts, pause, e.getMessage());
    }

    /** A dead letter whose source is the replay route, so the operator's replay sends it to the CRM again. */
    private void deadLetter(Claim claim, String reason) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getExchangeExtension().setFromEndpoint(camel.getEndpoint(REPLAY_URI));
        exchange.getExchangeExtension().setFromRouteId(REPLAY_ROUTE_ID);
        exchange.getMessage().setBody(claim.payload());
        exchange.getMessage().setHeader("millwright.crm.event-id", claim.eventId().toString());
        exchange.setProperty(Correlation.EXCHANGE_PROPERTY, claim.correlationId());
        exchange.setProperty(Exchange.FAILURE_ENDPOINT, config.crm().webhookUrl().orElse("(no CRM webhook URL configured)"));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new CrmDeliveryException(reason, true));
        deadLetters.store(exchange);
    }

    private void post(String payload, String correlationId) {
        String url = config.crm().webhookUrl()
                .orElseThrow(() -> new CrmDeliveryException("no CRM webhook URL configured (millwright.order.crm.webhook-url)", false));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(config.crm().requestTimeoutMs()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (correlationId != null) {
            request.header(Correlation.HTTP_HEADER, correlationId);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CrmDeliveryException("CRM not reachable at " + url + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmDeliveryException("interrupted while calling the CRM", false);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        boolean permanent = status / 100 == 4 && status != 408 && status != 429;
        String body = response.body() == null ? "" : response.body();
        throw new CrmDeliveryException("CRM answered " + status + (body.isBlank() ? "" : ": "
                + (body.length() > 300 ? body.substring(0, 300) : body)), permanent);
    }

    private static UUID eventIdOf(String payload) {
        try {
            return UUID.fromString(ModelJson.mapper().readTree(payload).path("eventId").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new NonRetryableException("Not a CRM milestone body: " + e.getMessage(), e);
        }
    }
}
