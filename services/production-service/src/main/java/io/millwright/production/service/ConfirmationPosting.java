package io.millwright.production.service;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.camel.ExchangeException;
import org.apache.camel.Header;
import org.jboss.logging.Logger;

import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.PostProductionConfirmationResponse;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.error.Failures;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.workqueue.WorkQueues;
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

/**
 * P3 after intake, the confirmation's side of each step: checked against its order and enriched with resource, lot
 * and shift; posted to ERP; {@code production.confirmation.posted} published in the transaction that records the
 * ERP document number.
 * <p>
 * Order: the work queue hands over the confirmations of one production order strictly one after the other in arrival
 * order (the order is the work item's ordering key), so the cumulative quantity check always sees exactly the
 * confirmations before it, and a confirmation waiting for ERP holds back the later ones of its order only.
 * <p>
 * Exactly once: the ERP posting carries the MES confirmationId as its idempotency key and the request is rebuilt
 * from the stored row, so a retry after a timeout or crash is answered with the document ERP already created.
 * Wrong for the order, or refused by ERP: the confirmation is marked so, and a {@link NonRetryableException} lets the
 * work queue keep it as a dead letter with the MES body as received; the operator's replay checks it again.
 */
@ApplicationScoped
public class ConfirmationPosting {

    private static final Logger LOG = Logger.getLogger(ConfirmationPosting.class);

    @Inject
    EntityManager em;

    @Inject
    ProductionConfig config;

    @Inject
    ShiftCalendar shifts;

    @Inject
    ProductionTimeline timeline;

    @Inject
    OutboxWriter outbox;

    public static long waitingForErpCount() {
        return MesConfirmationEntity.count("status = ?1 and attempts > 0", ConfirmationStatus.VALIDATED);
    }

    /**
     * One transaction before the ERP call: a confirmation an operator replays (it was invalid or refused) is checked
     * again from the start; a received one is checked against its order and enriched (VALIDATED); the ERP request is
     * rebuilt from the stored row, so every retry is the identical request.
     *
     * @return the ERP request, or null when there is nothing to post (posted already: an earlier attempt's answer
     *         arrived late)
     * @throws NonRetryableException when it was never received, or is wrong for its order (marked INVALID with the
     *         reason first)
     */
    @Transactional(dontRollbackOn = NonRetryableException.class)
    public PostProductionConfirmationRequest prepare(@Header(WorkQueues.KEY_HEADER) String confirmationId,
            @Header(WorkQueues.DEAD_LETTER_HEADER) String deadLetterId) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new NonRetryableException("No MES confirmation " + confirmationId + " was received");
        }
        if (deadLetterId != null && (c.status == ConfirmationStatus.INVALID || c.status == ConfirmationStatus.REJECTED_BY_ERP)) {
            c.status = ConfirmationStatus.RECEIVED;
            LOG.infof("Confirmation %s replayed by an operator: checked again", confirmationId);
        }
        if (!c.status.open()) {
            return null;
        }
        ProductionOrderEntity order = ProductionOrderEntity.findById(c.productionOrderId);
        if (c.status == ConfirmationStatus.RECEIVED) {
            validate(c, order);
        }
        return ErpConfirmationMapper.toRequest(c, order.uom);
    }

    private void validate(MesConfirmationEntity c, ProductionOrderEntity order) {
        BigDecimal completedBefore = BigDecimal.ZERO;
        if (order != null && c.kind == ConfirmationKind.COMPLETION && c.operationNumber != null) {
            completedBefore = (BigDecimal) em.createQuery("select coalesce(sum(p.quantity), 0) from MesConfirmationEntity p "
                    + "where p.productionOrderId = ?1 and p.operationNumber = ?2 and p.kind = ?3 and p.status = ?4")
                    .setParameter(1, order.id).setParameter(2, c.operationNumber).setParameter(3, ConfirmationKind.COMPLETION)
                    .setParameter(4, ConfirmationStatus.POSTED).getSingleResult();
        }
        ConfirmationRules.Verdict verdict = new ConfirmationRules(config.confirmation().overDeliveryTolerance(), shifts)
                .check(c, order, completedBefore);
        if (!verdict.valid()) {
            c.status = ConfirmationStatus.INVALID;
            c.invalidReason = verdict.invalidReason();
            if (order != null) {
                timeline.record(order.id, ProductionTimeline.CONFIRMATION_INVALID, c.confirmationId + " (" + c.mesType + "): "
                        + verdict.invalidReason(), c.correlationId);
            }
            LOG.warnf("Confirmation %s is invalid: %s", c.confirmationId, verdict.invalidReason());
            throw new NonRetryableException("Confirmation " + c.confirmationId + " of production order " + c.productionOrderId
                    + " is invalid: " + verdict.invalidReason());
        }
        c.status = ConfirmationStatus.VALIDATED;
        c.invalidReason = null;
        c.resourceId = verdict.resourceId();
        c.erpOperationNumber = verdict.erpOperationNumber();
        c.lotId = verdict.lotId();
        c.shiftId = verdict.shiftId();
        timeline.record(order.id, ProductionTimeline.CONFIRMATION_RECEIVED, c.confirmationId + ": " + c.mesType + " "
                + c.quantity.stripTrailingZeros().toPlainString() + " " + c.uom + " at operation " + c.erpOperationNumber
                + (c.lotId == null ? "" : ", lot " + c.lotId) + ", shift " + c.shiftId, c.correlationId);
    }

    @Transactional
    public void posted(@Header(WorkQueues.KEY_HEADER) String confirmationId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            PostProductionConfirmationResponse response) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c.status != ConfirmationStatus.VALIDATED) {
            return;
        }
        ProductionOrderEntity order = ProductionOrderEntity.findById(c.productionOrderId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        c.status = ConfirmationStatus.POSTED;
        c.erpDocumentNumber = response.getDocumentNumber();
        c.attempts = attempt;
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

    /** ERP refused it for a business reason: REJECTED_BY_ERP; the work queue keeps it as a dead letter. */
    @Transactional
    public void rejectedByErp(@Header(WorkQueues.KEY_HEADER) String confirmationId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            @ExchangeException ErpBusinessException rejection) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c.status != ConfirmationStatus.VALIDATED) {
            return;
        }
        c.status = ConfirmationStatus.REJECTED_BY_ERP;
        c.attempts = attempt;
        c.invalidReason = rejection.getMessage();
        timeline.record(c.productionOrderId, ProductionTimeline.CONFIRMATION_REJECTED_BY_ERP, c.confirmationId + ": "
                + rejection.getMessage(), c.correlationId);
    }

    /** ERP unavailable: the confirmation waits; the timeline shows the first failure and then every power of two. */
    @Transactional
    public void postingFailed(@Header(WorkQueues.KEY_HEADER) String confirmationId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            @ExchangeException Exception failure) {
        MesConfirmationEntity c = MesConfirmationEntity.findById(confirmationId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.status != ConfirmationStatus.VALIDATED) {
            return;
        }
        c.attempts = attempt;
        if (Integer.bitCount(attempt) == 1) {
            timeline.record(c.productionOrderId, ProductionTimeline.CONFIRMATION_POSTING_FAILED, c.confirmationId + ": attempt "
                    + attempt + " failed, retrying with backoff: " + Failures.reason(failure), c.correlationId);
        }
    }
}
