package io.millwright.order.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.CreateSalesOrderResponse;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.event.EventType;
import io.millwright.model.order.OrderConfirmed;
import io.millwright.model.order.OrderRejected;
import io.millwright.model.order.SalesOrderStatus;
import io.millwright.order.config.OrderConfig;
import io.millwright.order.mapping.ErpSalesOrderMapper;
import io.millwright.order.persistence.SalesOrderEntity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * O2: posts accepted orders to ERP. Orders are claimed with a lease (row lock, SKIP LOCKED, next attempt pushed
 * out) so several replicas never work on the same order at once; no database transaction is held during the
 * SOAP call. ERP down or slow: the order stays WAITING_FOR_ERP and is retried with growing pauses, across
 * restarts, until ERP answers. Each posting runs in the trace of the request that accepted the order.
 */
@ApplicationScoped
public class ErpSalesOrderPoster {

    private static final Logger LOG = Logger.getLogger(ErpSalesOrderPoster.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final List<SalesOrderStatus> WAITING = List.of(SalesOrderStatus.ACCEPTED, SalesOrderStatus.WAITING_FOR_ERP);

    @Inject
    ErpSalesOrderClient erp;

    @Inject
    OrderTimeline timeline;

    @Inject
    OutboxWriter outbox;

    @Inject
    OrderConfig config;

    @Inject
    Tracer tracer;

    private record Claim(String orderId, CreateSalesOrderRequest request, String correlationId, String traceparent) {
    }

    /** @return how many orders were attempted */
    public int postDueOrders() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claimDue);
        claims.forEach(this::post);
        return claims.size();
    }

    public static long waitingCount() {
        return SalesOrderEntity.count("status in ?1", WAITING);
    }

    private List<Claim> claimDue() {
        Instant now = Instant.now();
        List<SalesOrderEntity> due = SalesOrderEntity.<SalesOrderEntity> find(
                "status in ?1 and (nextErpAttemptAt is null or nextErpAttemptAt <= ?2) order by createdAt", WAITING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, config.erpPosting().batchSize())
                .list();
        return due.stream().map(order -> {
            order.nextErpAttemptAt = now.plus(LEASE);
            return new Claim(order.id, ErpSalesOrderMapper.toCreateRequest(order), order.correlationId, order.traceparent);
        }).toList();
    }

    private void post(Claim claim) {
        Correlation.bind(claim.correlationId());
        Span span = tracer.spanBuilder("erp CreateSalesOrder").setSpanKind(SpanKind.INTERNAL)
                .setParent(TraceContext.contextOf(claim.traceparent())).setAttribute("millwright.order.id", claim.orderId()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            CreateSalesOrderResponse response = erp.create(claim.request());
            QuarkusTransaction.requiringNew().run(() -> confirm(claim, response));
        } catch (ErpBusinessException e) {
            QuarkusTransaction.requiringNew().run(() -> reject(claim, e));
        } catch (RuntimeException e) {
            span.recordException(e);
            QuarkusTransaction.requiringNew().run(() -> postpone(claim, e));
        } finally {
            span.end();
            Correlation.bind(null);
        }
    }

    private void confirm(Claim claim, CreateSalesOrderResponse response) {
        SalesOrderEntity order = SalesOrderEntity.findById(claim.orderId());
        if (!WAITING.contains(order.status)) {
            return;
        }
        Instant now = Instant.now();
        order.status = SalesOrderStatus.CONFIRMED;
        order.erpSalesOrderNumber = response.getSalesOrderNumber();
        order.erpAttempts++;
        order.nextErpAttemptAt = null;
        order.lastErpError = null;
        order.updatedAt = now;
        timeline.record(order.id, OrderTimeline.CONFIRMED_BY_ERP, "ERP sales order " + response.getSalesOrderNumber()
                + (response.isDuplicate() ? " (ERP already had it: earlier attempt reached ERP)" : ""), claim.correlationId());
        outbox.append(EventType.ORDER_CONFIRMED, order.id,
                new OrderConfirmed(order.id, order.crmOrderId, response.getSalesOrderNumber(), now), claim.correlationId());
        LOG.infof("Order %s confirmed by ERP as %s", order.id, response.getSalesOrderNumber());
    }

    private void reject(Claim claim, ErpBusinessException e) {
        SalesOrderEntity order = SalesOrderEntity.findById(claim.orderId());
        if (!WAITING.contains(order.status)) {
            return;
        }
        Instant now = Instant.now();
        order.status = SalesOrderStatus.REJECTED;
        order.rejectionCode = e.code();
        order.rejectionReason = e.getMessage();
        order.erpAttempts++;
        order.nextErpAttemptAt = null;
        order.updatedAt = now;
        timeline.record(order.id, OrderTimeline.REJECTED_BY_ERP, e.getMessage(), claim.correlationId());
        outbox.append(EventType.ORDER_REJECTED, order.id,
                new OrderRejected(order.id, order.crmOrderId, e.code(), e.getMessage(), now), claim.correlationId());
        LOG.warnf("Order %s rejected by ERP: %s", order.id, e.getMessage());
    }

    private void postpone(Claim claim, RuntimeException e) {
        SalesOrderEntity order = SalesOrderEntity.findById(claim.orderId());
        if (!WAITING.contains(order.status)) {
            return;
        }
        order.erpAttempts++;
        long backoff = Math.min(config.erpPosting().maxBackoffSeconds(), 1L << Math.min(order.erpAttempts, 20));
        order.status = SalesOrderStatus.WAITING_FOR_ERP;
        order.nextErpAttemptAt = Instant.now().plusSeconds(backoff);
        order.lastErpError = e.getClass().getSimpleName() + ": " + e.getMessage();
        order.updatedAt = Instant.now();
        // First failure and then every power of two: the timeline shows the outage without one row per attempt.
        if (Integer.bitCount(order.erpAttempts) == 1) {
            timeline.record(order.id, OrderTimeline.ERP_POSTING_FAILED, "Attempt " + order.erpAttempts + " failed, next in "
                    + backoff + " s: " + order.lastErpError, claim.correlationId());
        }
        LOG.warnf("Order %s waits for ERP (attempt %d, next in %d s): %s", order.id, order.erpAttempts, backoff, order.lastErpError);
    }
}
