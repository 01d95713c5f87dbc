package io.millwright.production.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.production.config.ProductionConfig;
import io.millwright.production.mapping.MesWorkOrder;
import io.millwright.production.mapping.MesWorkOrderMapper;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionOrderEntity;
import io.millwright.production.route.MesDispatchRoute;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * P2: hands RELEASED orders to the MES. Orders are claimed with a lease (row lock, SKIP LOCKED, next attempt pushed
 * out), so replicas never dispatch the same order at once and no transaction is open during the HTTP call. MES down:
 * the order stays RELEASED and is retried with growing pauses, across restarts. MES refuses the payload (4xx): the
 * order is marked DISPATCH_REJECTED and a dead letter with the MES's answer is recorded.
 */
@ApplicationScoped
public class MesDispatcher {

    private static final Logger LOG = Logger.getLogger(MesDispatcher.class);
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Inject
    MesWorkOrderClient mes;

    @Inject
    ProductionTimeline timeline;

    @Inject
    ProductionConfig config;

    @Inject
    Tracer tracer;

    @Inject
    ProducerTemplate producer;

    private record Claim(String orderId, MesWorkOrder workOrder, String correlationId, String traceparent) {
    }

    public int dispatchDue() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claimDue);
        claims.forEach(this::dispatch);
        return claims.size();
    }

    public static long waitingCount() {
        return ProductionOrderEntity.count("status", OrderStatus.RELEASED);
    }

    private List<Claim> claimDue() {
        Instant now = Instant.now();
        List<ProductionOrderEntity> due = ProductionOrderEntity.<ProductionOrderEntity> find(
                "status = ?1 and (nextDispatchAt is null or nextDispatchAt <= ?2) order by createdAt", OrderStatus.RELEASED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, config.mes().batchSize())
                .list();
        return due.stream().map(order -> {
            order.nextDispatchAt = now.plus(LEASE);
            return new Claim(order.id, MesWorkOrderMapper.toWorkOrder(order), order.correlationId, order.traceparent);
        }).toList();
    }

    private void dispatch(Claim claim) {
        Correlation.bind(claim.correlationId());
        Span span = tracer.spanBuilder("mes dispatch").setSpanKind(SpanKind.INTERNAL)
                .setParent(TraceContext.contextOf(claim.traceparent())).setAttribute("millwright.production-order.id", claim.orderId())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            MesWorkOrderClient.Outcome outcome = mes.dispatch(claim.workOrder());
            if (outcome instanceof MesWorkOrderClient.Accepted accepted) {
                QuarkusTransaction.requiringNew().run(() -> dispatched(claim, accepted));
            } else if (outcome instanceof MesWorkOrderClient.Refused refused) {
                QuarkusTransaction.requiringNew().run(() -> refused(claim, refused));
                producer.send(MesDispatchRoute.REJECTED_URI, exchange -> {
                    exchange.getMessage().setBody(claim.workOrder());
                    exchange.getMessage().setHeader(MesDispatchRoute.REASON_HEADER, "MES refused work order " + claim.orderId()
                            + " with HTTP " + refused.status() + ": " + refused.body());
                    exchange.getMessage().setHeader(Correlation.HTTP_HEADER, claim.correlationId());
                });
            } else if (outcome instanceof MesWorkOrderClient.Unavailable unavailable) {
                QuarkusTransaction.requiringNew().run(() -> postpone(claim, unavailable.reason()));
            }
        } catch (RuntimeException e) {
            span.recordException(e);
            QuarkusTransaction.requiringNew().run(() -> postpone(claim, e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            span.end();
            Correlation.bind(null);
        }
    }

    private void dispatched(Claim claim, MesWorkOrderClient.Accepted accepted) {
        ProductionOrderEntity order = ProductionOrderEntity.findById(claim.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order.status != OrderStatus.RELEASED) {
            return; // acknowledged while the dispatch answer was on its way: the acknowledgement recorded the dispatch
        }
        Instant now = Instant.now();
        order.status = OrderStatus.DISPATCHED;
        order.mesWorkOrderId = accepted.mesWorkOrderId();
        order.dispatchAttempts++;
        order.dispatchedAt = now;
        order.nextDispatchAt = null;
        order.lastDispatchError = null;
        order.updatedAt = now;
        timeline.record(order.id, ProductionTimeline.DISPATCHED, "MES work order " + accepted.mesWorkOrderId()
                + (accepted.alreadyKnown() ? " (the MES already had it: an earlier attempt reached it)" : ""), claim.correlationId());
        LOG.infof("Production order %s dispatched to the MES as %s", order.id, accepted.mesWorkOrderId());
    }

    private void refused(Claim claim, MesWorkOrderClient.Refused refused) {
        ProductionOrderEntity order = ProductionOrderEntity.findById(claim.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order.status != OrderStatus.RELEASED) {
            return;
        }
        order.status = OrderStatus.DISPATCH_REJECTED;
        order.dispatchAttempts++;
        order.nextDispatchAt = null;
        order.lastDispatchError = "HTTP " + refused.status() + ": " + refused.body();
        order.updatedAt = Instant.now();
        timeline.record(order.id, ProductionTimeline.DISPATCH_REJECTED, order.lastDispatchError, claim.correlationId());
    }

    private void postpone(Claim claim, String reason) {
        ProductionOrderEntity order = ProductionOrderEntity.findById(claim.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order.status != OrderStatus.RELEASED) {
            return;
        }
        order.dispatchAttempts++;
        long backoff = Math.min(config.mes().maxBackoffSeconds(), 1L << Math.min(order.dispatchAttempts, 20));
        order.nextDispatchAt = Instant.now().plusSeconds(backoff);
        order.lastDispatchError = reason;
        order.updatedAt = Instant.now();
        // First failure and then every power of two: the timeline shows the outage without one row per attempt.
        if (Integer.bitCount(order.dispatchAttempts) == 1) {
            timeline.record(order.id, ProductionTimeline.DISPATCH_FAILED, "Attempt " + order.dispatchAttempts + " failed, next in "
                    + backoff + " s: " + reason, claim.correlationId());
        }
        LOG.warnf("Production order %s waits for the MES (attempt %d, next in %d s): %s", order.id, order.dispatchAttempts, backoff, reason);
    }
}
