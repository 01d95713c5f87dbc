package io.millwright.production.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.camel.ExchangeException;
import org.apache.camel.Header;
import org.jboss.logging.Logger;

import io.millwright.kit.error.Failures;
import io.millwright.kit.error.TargetRejectedException;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.production.client.MesWorkOrderClient;
import io.millwright.production.mapping.MesWorkOrder;
import io.millwright.production.mapping.MesWorkOrderMapper;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionOrderEntity;

/**
 * P2, the production order's side of the MES dispatch: what to send and what the MES's answer does to the order.
 * An order that is no longer RELEASED (its acknowledgement arrived first, which proves the dispatch) is left alone.
 */
@ApplicationScoped
public class MesDispatch {

    private static final Logger LOG = Logger.getLogger(MesDispatch.class);

    @Inject
    ProductionTimeline timeline;

    public static long waitingCount() {
        return ProductionOrderEntity.count("status", OrderStatus.RELEASED);
    }

    /** An operator replays a refused dispatch (the MES was fixed): the order waits for dispatch again. */
    @Transactional
    public void reopenIfReplayed(@Header(WorkQueues.KEY_HEADER) String orderId, @Header(WorkQueues.DEAD_LETTER_HEADER) String deadLetterId) {
        ProductionOrderEntity order = ProductionOrderEntity.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (deadLetterId != null && order != null && order.status == OrderStatus.DISPATCH_REJECTED) {
            order.status = OrderStatus.RELEASED;
            order.updatedAt = Instant.now();
            LOG.infof("Dispatch of %s replayed by an operator", orderId);
        }
    }

    @Transactional
    public boolean awaitsDispatch(@Header(WorkQueues.KEY_HEADER) String orderId) {
        ProductionOrderEntity order = ProductionOrderEntity.findById(orderId);
        return order != null && order.status == OrderStatus.RELEASED;
    }

    /** The work order, rebuilt from the stored production order on every attempt. */
    @Transactional
    public MesWorkOrder workOrder(@Header(WorkQueues.KEY_HEADER) String orderId) {
        return MesWorkOrderMapper.toWorkOrder(ProductionOrderEntity.findById(orderId));
    }

    @Transactional
    public void dispatched(@Header(WorkQueues.KEY_HEADER) String orderId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            MesWorkOrderClient.Accepted accepted) {
        ProductionOrderEntity order = released(orderId);
        if (order == null) {
            return; // acknowledged while the dispatch answer was on its way: the acknowledgement recorded the dispatch
        }
        Instant now = Instant.now();
        order.status = OrderStatus.DISPATCHED;
        order.mesWorkOrderId = accepted.mesWorkOrderId();
        order.dispatchAttempts = attempt;
        order.dispatchedAt = now;
        order.updatedAt = now;
        timeline.record(order.id, ProductionTimeline.DISPATCHED, "MES work order " + accepted.mesWorkOrderId()
                + (accepted.alreadyKnown() ? " (the MES already had it: an earlier attempt reached it)" : ""), order.correlationId);
        LOG.infof("Production order %s dispatched to the MES as %s", order.id, accepted.mesWorkOrderId());
    }

    /** The MES refused the payload: DISPATCH_REJECTED; the work queue keeps the dead letter an operator can replay. */
    @Transactional
    public void refused(@Header(WorkQueues.KEY_HEADER) String orderId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            @ExchangeException TargetRejectedException refusal) {
        ProductionOrderEntity order = released(orderId);
        if (order == null) {
            return;
        }
        order.status = OrderStatus.DISPATCH_REJECTED;
        order.dispatchAttempts = attempt;
        order.updatedAt = Instant.now();
        timeline.record(order.id, ProductionTimeline.DISPATCH_REJECTED, refusal.getMessage(), order.correlationId);
    }

    /** MES unavailable: the order stays RELEASED; the timeline shows the first failure and then every power of two. */
    @Transactional
    public void attemptFailed(@Header(WorkQueues.KEY_HEADER) String orderId, @Header(WorkQueues.ATTEMPT_HEADER) int attempt,
            @ExchangeException Exception failure) {
        ProductionOrderEntity order = released(orderId);
        if (order == null) {
            return;
        }
        order.dispatchAttempts = attempt;
        order.updatedAt = Instant.now();
        if (Integer.bitCount(attempt) == 1) {
            timeline.record(order.id, ProductionTimeline.DISPATCH_FAILED, "Attempt " + attempt + " failed, retrying with backoff: "
                    + Failures.reason(failure), order.correlationId);
        }
    }

    private static ProductionOrderEntity released(String orderId) {
        ProductionOrderEntity order = ProductionOrderEntity.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        return order != null && order.status == OrderStatus.RELEASED ? order : null;
    }
}
