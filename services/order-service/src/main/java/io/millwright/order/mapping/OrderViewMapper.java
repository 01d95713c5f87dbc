package io.millwright.order.mapping;

import java.math.BigDecimal;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.millwright.kit.workqueue.WorkItem;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.order.persistence.SalesOrderEntity;
import io.millwright.order.service.OrderQueues;
import io.millwright.order.persistence.TimelineEntryEntity;
import io.millwright.order.rest.OrderView;

@ApplicationScoped
public class OrderViewMapper {

    @Inject
    WorkQueues workQueues;

    @Transactional
    public OrderView toView(SalesOrderEntity detached) {
        SalesOrderEntity order = SalesOrderEntity.findById(detached.id);
        return new OrderView(order.id, order.crmOrderId, order.customerId, order.status.name(), order.erpSalesOrderNumber,
                order.currency, plain(order.total), order.requestedDeliveryDate,
                order.lines.stream().map(l -> new OrderView.Line(l.lineNumber, l.itemId, plain(l.quantity), l.uom, plain(l.unitPrice),
                        l.availability.name())).toList(),
                erp(order),
                TimelineEntryEntity.forOrder(order.id).stream()
                        .map(t -> new OrderView.Step(t.step, t.detail, t.at, t.correlationId, t.traceId)).toList(),
                order.createdAt, order.updatedAt);
    }

    /** While the posting waits, the work queue knows its attempts, next attempt and last error; afterwards the order. */
    private OrderView.Erp erp(SalesOrderEntity order) {
        Optional<WorkItem> posting = workQueues.pending(OrderQueues.ERP_SALES_ORDER, order.id);
        return posting.map(p -> new OrderView.Erp(Math.max(p.attempts, order.erpAttempts), p.nextAttemptAt, p.lastError, null, null))
                .orElseGet(() -> new OrderView.Erp(order.erpAttempts, null, null, order.rejectionCode, order.rejectionReason));
    }

    /** Database scale is storage detail: 4.000000 is shown as 4, 125.5000 as 125.5. */
    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
