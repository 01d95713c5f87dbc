package io.millwright.order.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.camel.ExchangeException;
import org.apache.camel.Header;
import org.jboss.logging.Logger;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.CreateSalesOrderResponse;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.error.Failures;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.model.event.EventType;
import io.millwright.model.order.OrderConfirmed;
import io.millwright.model.order.OrderRejected;
import io.millwright.model.order.SalesOrderStatus;
import io.millwright.order.mapping.ErpSalesOrderMapper;
import io.millwright.order.persistence.SalesOrderEntity;

/**
 * O2, the order's side of the ERP posting: what to send, and what the ERP's answer does to the order. Each outcome
 * changes the order, its timeline and (for a confirmation or rejection) its event in one transaction. An order that
 * is no longer waiting (confirmed or rejected by an earlier attempt whose answer arrived late) is left alone.
 */
@ApplicationScoped
public class SalesOrderPosting {

    private static final Logger LOG = Logger.getLogger(SalesOrderPosting.class);
    private static final List<SalesOrderStatus> WAITING = List.of(SalesOrderStatus.ACCEPTED, SalesOrderStatus.WAITING_FOR_ERP);

    @Inject
    OrderTimeline timeline;

    @Inject
    OutboxWriter outbox;

    public static long waitingCount() {
        return SalesOrderEntity.count("status in ?1", WAITING);
    }

    /**
     * The CreateSalesOrder request, rebuilt from the stored order on every attempt (so every retry is identical); null
     * when the order no longer waits for ERP (an earlier attempt's answer arrived late, or it is gone).
     */
    @Transactional
    public CreateSalesOrderRequest request(@Header(WorkQueues.KEY_HEADER) String orderId) {
        SalesOrderEntity order = SalesOrderEntity.findById(orderId);
        return order != null && WAITING.contains(order.status) ? ErpSalesOrderMapper.toCreateRequest(order) : null;
    }

    @Transactional
    public void confirmed(@Header(WorkQueues.KEY_HEADER) String orderId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            CreateSalesOrderResponse response) {
        SalesOrderEntity order = waiting(orderId);
        if (order == null) {
            return;
        }
        Instant now = Instant.now();
        order.status = SalesOrderStatus.CONFIRMED;
        order.erpSalesOrderNumber = response.getSalesOrderNumber();
        order.erpAttempts = attempt;
        order.updatedAt = now;
        timeline.record(order.id, OrderTimeline.CONFIRMED_BY_ERP, "ERP sales order " + response.getSalesOrderNumber()
                + (response.isDuplicate() ? " (ERP already had it: earlier attempt reached ERP)" : ""), order.correlationId);
        outbox.append(EventType.ORDER_CONFIRMED, order.id,
                new OrderConfirmed(order.id, order.crmOrderId, response.getSalesOrderNumber(), now), order.correlationId);
        LOG.infof("Order %s confirmed by ERP as %s", order.id, response.getSalesOrderNumber());
    }

    /** A business rejection is the order's final answer: REJECTED with an order.rejected event, not a dead letter. */
    @Transactional
    public void rejected(@Header(WorkQueues.KEY_HEADER) String orderId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            @ExchangeException ErpBusinessException rejection) {
        SalesOrderEntity order = waiting(orderId);
        if (order == null) {
            return;
        }
        Instant now = Instant.now();
        order.status = SalesOrderStatus.REJECTED;
        order.rejectionCode = rejection.code();
        order.rejectionReason = rejection.getMessage();
        order.erpAttempts = attempt;
        order.updatedAt = now;
        timeline.record(order.id, OrderTimeline.REJECTED_BY_ERP, rejection.getMessage(), order.correlationId);
        outbox.append(EventType.ORDER_REJECTED, order.id,
                new OrderRejected(order.id, order.crmOrderId, rejection.code(), rejection.getMessage(), now), order.correlationId);
        LOG.warnf("Order %s rejected by ERP: %s", order.id, rejection.getMessage());
    }

    /**
     * ERP unavailable: the order waits for ERP (the queue tries again with growing pauses). The timeline shows the
     * first failure and then every power of two, so an outage is visible without one row per attempt.
     */
    @Transactional
    public void attemptFailed(@Header(WorkQueues.KEY_HEADER) String orderId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            @ExchangeException Exception failure) {
        SalesOrderEntity order = waiting(orderId);
        if (order == null) {
            return;
        }
        order.status = SalesOrderStatus.WAITING_FOR_ERP;
        order.erpAttempts = attempt;
        order.updatedAt = Instant.now();
        if (Integer.bitCount(attempt) == 1) {
            timeline.record(order.id, OrderTimeline.ERP_POSTING_FAILED, "Attempt " + attempt + " failed, retrying with backoff: "
                    + Failures.reason(failure), order.correlationId);
        }
    }

    private static SalesOrderEntity waiting(String orderId) {
        SalesOrderEntity order = SalesOrderEntity.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        return order != null && WAITING.contains(order.status) ? order : null;
    }
}
