package io.millwright.production.service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

import io.millwright.erp.contract.PostProductionConfirmationResponse;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.route.NonRetryableException;
import io.millwright.model.event.EventType;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.production.config.ProductionConfig;
import io.millwright.production.mapping.ErpConfirmationMapper;
import io.millwright.production.mapping.MesConfirmationMapper;
import io.millwright.production.persistence.ConfirmationStatus;
import io.millwright.production.persistence.MesConfirmationEntity;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionOperationEntity;
import io.millwright.production.persistence.ProductionOrderEntity;
import io.millwright.production.route.ProductionConfirmationRoute;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * P3 after intake: validates a received confirmation against its order, enriches it with resource, lot and shift,
 * posts it to ERP and publishes {@code production.confirmation.posted} in the transaction that records the ERP
 * document number.
 * <p>
 * Order: the confirmations of one production order are handled strictly one after the other in arrival order (the
 * first receipt's sequence number); a confirmation is only claimed when every earlier one of its order is finished.
 * So the cumulative quantity check always sees exactly the confirmations before it, and a confirmation waiting for
 * ERP holds back the later ones of its order (not those of other orders).
 * <p>
 * Exactly once: the ERP posting carries the MES confirmationId as its idempotency key, so a retry after a timeout or
 * crash is answered with the document ERP already created. ERP unavailable: the confirmation stays VALIDATED and is
 * retried with growing pauses. Wrong for the order, or refused by ERP with a business fault: nothing is posted and
 * the confirmation ends in the dead-letter store with the reason ({@link NonRetryableException}).
 */
@ApplicationScoped
public class ConfirmationProcessor {

    private static final Logger LOG = Logger.getLogger(ConfirmationProcessor.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int MAX_ROUNDS_PER_TICK = 20;

    /** A confirmation handed to the processing route: its id and the raw MES body (what a dead letter keeps). */
    public record Claim(String confirmationId, String rawPayload, String correlationId) {
    }

    @Inject
    EntityManager em;

    @Inject
    ProductionConfig config;

    @Inject
    ShiftCalendar shifts;

    @Inject
    ErpConfirmationClient erp;

    @Inject
    ProductionTimeline timeline;

    @Inject
    OutboxWriter outbox;

    @Inject
    Tracer tracer;

    @Inject
    ProducerTemplate producer;

    /** Open confirmations that are due and first in line for their order, leased to this caller. */
    public List<Claim> claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            @SuppressWarnings("unchecked")
            List<String> ids = em.createNativeQuery("""
                    SELECT c.confirmation_id FROM {h-schema}mes_confirmation c
                    WHERE c.status IN ('RECEIVED', 'VALIDATED')
                      AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= :now)
                      AND NOT EXISTS (SELECT 1 FROM {h-schema}mes_confirmation p
                                      WHERE p.production_order_id = c.production_order_id
                                        AND p.status IN ('RECEIVED', 'VALIDATED') AND p.seq < c.seq)
                    ORDER BY c.seq
                    LIMIT :limit
                    FOR UPDATE OF c SKIP LOCKED""")
                    .setParameter("now", Timestamp.from(now))
                    .setParameter("limit", config.confirmation().batchSize())
                    .getResultList();
            return ids.stream().map(id -> {
                MesConfirmationEntity c = MesConfirmationEntity.findById(id);
                c.nextAttemptAt = now.plus(LEASE);
                return new Claim(c.confirmationId, c.rawPayload, c.correlationId);
            }).toList();
        });
    }

    /**
     * Claims what is due and hands each confirmation to the processing route, one exchange each, in claim order. A
     * claim holds at most one confirmation per order, so this repeats (bounded) while there is more to do: a backlog
     * of one order drains within a tick instead of one confirmation per tick.
     */
    public int processDue() {
        int processed = 0;
        for (int round = 0; round < MAX_ROUNDS_PER_TICK; round++) {
            int claimed = processClaims(claimDue());
            if (claimed == 0) {
                break;
            }
            processed += claimed;
        }
        return processed;
    }

    private int processClaims(List<Claim> claims) {
        for (Claim claim : claims) {
            Exchange result = producer.send(ProductionConfirmationRoute.PROCESS_URI, exchange -> {
                exchange.getMessage().setBody(claim.rawPayload());
                exchange.getMessage().setHeader(ProductionConfirmationRoute.CONFIRMATION_ID_HEADER, claim.confirmationId());
                if (claim.correlationId() != null) {
                    exchange.getMessage().setHeader(Correlation.HTTP_HEADER, claim.correlationId());
                }
            });
            if (result.getException() != null) {
                // Not even the dead-letter store took it: the lease runs out and the confirmation is claimed again.
                LOG.errorf(result.getException(), "Confirmation %s could not be processed", claim.confirmationId());
            }
        }
        return claims.size();
    }

    public static long waitingForErpCount() {
        return MesConfirmationEntity.count("status = ?1 and attempts > 0", ConfirmationStatus.VALIDATED);
    }

    /**
     * Handles one confirmation: validate and enrich (if not done yet), then post. Runs once per claim from the
     * confirmation route; an operator's replay of a dead letter also lands here and puts an invalid confirmation
     * back in line to be checked again.
     */
    public void process(String confirmationId) {
        MesConfirmationEntity snapshot = QuarkusTransaction.requiringNew().call(() -> MesConfirmationEntity.findById(confirmationId));
        if (snapshot == null) {
            throw new NonRetryableException("No MES confirmation " + confirmationId + " was received");
        }
        if (snapshot.status == ConfirmationStatus.INVALID || snapshot.status == ConfirmationStatus.REJECTED_BY_ERP) {
            QuarkusTransaction.requiringNew().run(() -> reopen(confirmationId));
            return;
        }
        if (!snapshot.status.open()) {
            return;
        }
        Correlation.bind(snapshot.correlationId);
        Span span = tracer.spanBuilder("production confirmation").setSpanKind(SpanKind.INTERNAL)
                .setParent(TraceContext.contextOf(snapshot.traceparent)).setAttribute("millwright.confirmation.id", confirmationId)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            if (snapshot.status == ConfirmationStatus.RECEIVED) {
                String invalidReason = QuarkusTransaction.requiringNew().call(() -> validate(confirmationId));
                if (invalidReason != null) {
                    throw new NonRetryableException("Confirmation " + confirmationId + " of production order "
                            + snapshot.productionOrderId + " is invalid: " + invalidReason);
                }
            }
            post(confirmationId);
        } finally {
            span.end();
        }
    }

    /** @return the reason when the confirmation is wrong for its order, else null (and the row is VALIDATED, enriched) */
    private String validate(String confirmationId) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c.status != ConfirmationStatus.RECEIVED) {
            return null;
        }
        ProductionOrderEntity order = ProductionOrderEntity.findById(c.productionOrderId);
        BigDecimal completedBefore = BigDecimal.ZERO;
        if (order != null && c.kind == ConfirmationKind.COMPLETION && c.operationNumber != null) {
            BigDecimal sum = (BigDecimal) em.createQuery("select coalesce(sum(p.quantity), 0) from MesConfirmationEntity p "
                    + "where p.productionOrderId = ?1 and p.operationNumber = ?2 and p.kind = ?3 and p.status = ?4")
                    .setParameter(1, order.id).setParameter(2, c.operationNumber).setParameter(3, ConfirmationKind.COMPLETION)
                    .setParameter(4, ConfirmationStatus.POSTED).getSingleResult();
            completedBefore = sum;
        }
        ConfirmationRules.Verdict verdict = new ConfirmationRules(config.confirmation().overDeliveryTolerance(), shifts)
                .check(c, order, completedBefore);
        if (!verdict.valid()) {
            c.status = ConfirmationStatus.INVALID;
            c.invalidReason = verdict.invalidReason();
            c.nextAttemptAt = null;
            if (order != null) {
                timeline.record(order.id, ProductionTimeline.CONFIRMATION_INVALID, c.confirmationId + " (" + c.mesType + "): "
                        + verdict.invalidReason(), c.correlationId);
            }
            LOG.warnf("Confirmation %s is invalid: %s", c.confirmationId, verdict.invalidReason());
            return verdict.invalidReason();
        }
        c.status = ConfirmationStatus.VALIDATED;
        c.resourceId = verdict.resourceId();
        c.erpOperationNumber = verdict.erpOperationNumber();
        c.lotId = verdict.lotId();
        c.shiftId = verdict.shiftId();
        timeline.record(order.id, ProductionTimeline.CONFIRMATION_RECEIVED, c.confirmationId + ": " + c.mesType + " "
                + c.quantity.stripTrailingZeros().toPlainString() + " " + c.uom + " at operation " + c.erpOperationNumber
                + (c.lotId == null ? "" : ", lot " + c.lotId) + ", shift " + c.shiftId, c.correlationId);
        return null;
    }

    private record Posting(MesConfirmationEntity confirmation, String orderUom) {
    }

    private void post(String confirmationId) {
        Posting posting = QuarkusTransaction.requiringNew().call(() -> {
            MesConfirmationEntity row = MesConfirmationEntity.findById(confirmationId);
            ProductionOrderEntity order = ProductionOrderEntity.findById(row.productionOrderId);
            return row.status != ConfirmationStatus.VALIDATED || order == null ? null : new Posting(row, order.uom);
        });
        if (posting == null) {
            return;
        }
        MesConfirmationEntity c = posting.confirmation();
        String orderUom = posting.orderUom();
        try {
            PostProductionConfirmationResponse response = erp.post(ErpConfirmationMapper.toRequest(c, orderUom));
            QuarkusTransaction.requiringNew().run(() -> posted(confirmationId, response));
        } catch (ErpBusinessException e) {
            QuarkusTransaction.requiringNew().run(() -> rejected(confirmationId, e));
            throw new NonRetryableException("ERP refused confirmation " + confirmationId + " of production order "
                    + c.productionOrderId + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> postpone(confirmationId, e));
        }
    }

    private void posted(String confirmationId, PostProductionConfirmationResponse response) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c.status != ConfirmationStatus.VALIDATED) {
            return;
        }
        ProductionOrderEntity order = ProductionOrderEntity.findById(c.productionOrderId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        c.status = ConfirmationStatus.POSTED;
        c.erpDocumentNumber = response.getDocumentNumber();
        c.attempts++;
        c.nextAttemptAt = null;
        c.lastError = null;
        c.postedAt = now;
        ProductionOperationEntity op = order.operation(c.erpOperationNumber).orElseThrow();
        op.lastConfirmationAt = c.recordedAt;
        boolean closes = false;
        if (c.finalConfirmation && c.kind == ConfirmationKind.COMPLETION) {
            op.finished = true;
            closes = op == order.lastOperation() && order.status != OrderStatus.CLOSED;
        }
        if (closes) {
            order.status = OrderStatus.CLOSED;
            order.closedAt = now;
            order.closedByRecordedAt = c.recordedAt;
        } else if (order.status != OrderStatus.CLOSED) {
            order.status = OrderStatus.IN_PROGRESS;
        }
        order.updatedAt = now;
        timeline.record(order.id, ProductionTimeline.CONFIRMATION_POSTED, c.confirmationId + " posted to ERP as "
                + response.getDocumentNumber() + (response.isDuplicate() ? " (ERP already had it: an earlier attempt reached ERP)" : ""),
                c.correlationId);
        if (closes) {
            timeline.record(order.id, ProductionTimeline.CLOSED, "Final completion " + c.confirmationId + " of the last operation "
                    + op.operationNumber, c.correlationId);
        }
        outbox.append(EventType.PRODUCTION_CONFIRMATION_POSTED, order.id,
                new ConfirmationPosted(MesConfirmationMapper.toCanonical(c, order.itemId), response.getDocumentNumber(), now),
                c.correlationId);
        LOG.infof("Confirmation %s of %s posted to ERP as %s", c.confirmationId, order.id, response.getDocumentNumber());
    }

    private void rejected(String confirmationId, ErpBusinessException e) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c.status != ConfirmationStatus.VALIDATED) {
            return;
        }
        c.status = ConfirmationStatus.REJECTED_BY_ERP;
        c.attempts++;
        c.nextAttemptAt = null;
        c.invalidReason = e.getMessage();
        timeline.record(c.productionOrderId, ProductionTimeline.CONFIRMATION_REJECTED_BY_ERP, c.confirmationId + ": " + e.getMessage(),
                c.correlationId);
    }

    private void postpone(String confirmationId, RuntimeException e) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c.status != ConfirmationStatus.VALIDATED) {
            return;
        }
        c.attempts++;
        long backoff = Math.min(config.confirmation().maxBackoffSeconds(), 1L << Math.min(c.attempts, 20));
        c.nextAttemptAt = Instant.now().plusSeconds(backoff);
        c.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (Integer.bitCount(c.attempts) == 1) {
            timeline.record(c.productionOrderId, ProductionTimeline.CONFIRMATION_POSTING_FAILED, c.confirmationId + ": attempt "
                    + c.attempts + " failed, next in " + backoff + " s: " + c.lastError, c.correlationId);
        }
        LOG.warnf("Confirmation %s waits for ERP (attempt %d, next in %d s): %s", c.confirmationId, c.attempts, backoff, c.lastError);
    }

    private void reopen(String confirmationId) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c.status == ConfirmationStatus.INVALID || c.status == ConfirmationStatus.REJECTED_BY_ERP) {
            c.status = ConfirmationStatus.RECEIVED;
            c.nextAttemptAt = null;
            LOG.infof("Confirmation %s replayed by an operator: checked again", confirmationId);
        }
    }
}
