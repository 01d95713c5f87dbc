package io.millwright.order.mapping;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.millwright.order.persistence.SalesOrderEntity;
import io.millwright.order.persistence.TimelineEntryEntity;
import io.millwright.order.rest.OrderView;

@ApplicationScoped
public class OrderViewMapper {

    @Transactional
    public OrderView toView(SalesOrderEntity detached) {
        SalesOrderEntity order = SalesOrderEntity.findById(detached.id);
        return new OrderView(order.id, order.crmOrderId, order.customerId, order.status.name(), order.erpSalesOrderNumber,
                order.currency, plain(order.total), order.requestedDeliveryDate,
                order.lines.stream().map(l -> new OrderView.Line(l.lineNumber, l.itemId, plain(l.quantity), l.uom, plain(l.unitPrice),
                        l.availability.name())).toList(),
                new OrderView.Erp(order.erpAttempts, order.nextErpAttemptAt, order.lastErpError, order.rejectionCode,
                        order.rejectionReason),
                TimelineEntryEntity.forOrder(order.id).stream()
                        .map(t -> new OrderView.Step(t.step, t.detail, t.at, t.correlationId, t.traceId)).toList(),
                order.createdAt, order.updatedAt);
    }

    /** Database scale is storage detail: 4.000000 is shown as 4, 125.5000 as 125.5. */
    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
