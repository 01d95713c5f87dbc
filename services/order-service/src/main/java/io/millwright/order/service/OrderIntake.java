package io.millwright.order.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.kit.rest.UnprocessableEntityException;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.model.common.Money;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.order.OrderAccepted;
import io.millwright.model.order.SalesOrderLine;
import io.millwright.model.order.SalesOrderStatus;
import io.millwright.order.client.AvailabilityClient;
import io.millwright.order.persistence.SalesOrderEntity;
import io.millwright.order.persistence.SalesOrderLineEntity;
import io.millwright.order.persistence.SalesOrderLineEntity.Availability;
import io.millwright.order.rest.OrderRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * O1: takes a CRM order (REST or topic), validates it, stores it with its timeline and an {@code order.accepted}
 * event in one transaction. Idempotent by CRM order id: a resubmission, even a concurrent one, returns the order
 * that exists. The ERP posting is queued in the same transaction and happens right after it commits
 * ({@link SalesOrderPosting}).
 */
@ApplicationScoped
public class OrderIntake {

    /** The order as the caller wants to see it ({@code view}, made in the transaction that read or stored it), and whether it is new. */
    public record Result<V>(V order, boolean created) {
    }

    @Inject
    OrderValidator validator;

    @Inject
    AvailabilityClient availability;

    @Inject
    OrderTimeline timeline;

    @Inject
    OutboxWriter outbox;

    @Inject
    WorkQueues workQueues;

    /**
     * Two transactions and the availability call between them (never inside one: a slow inventory-service must not hold
     * a database connection): the order if it exists, otherwise the request validated; then the new order stored,
     * with {@code view} made from it in the same transaction.
     */
    public <V> Result<V> accept(OrderRequest request, Function<SalesOrderEntity, V> view) {
        Optional<V> existing = QuarkusTransaction.joiningExisting().call(() -> {
            Optional<SalesOrderEntity> order = SalesOrderEntity.findByCrmOrderId(request.crmOrderId());
            if (order.isEmpty()) {
                validator.validate(request);
            }
            return order.map(view);
        });
        if (existing.isPresent()) {
            return new Result<>(existing.get(), false);
        }
        Map<String, BigDecimal> requested = new java.util.LinkedHashMap<>();
        request.lines().forEach(line -> requested.merge(line.itemId(), line.quantity(), BigDecimal::add));
        Map<String, BigDecimal> stock = availability.availableStock(requested);
        try {
            return new Result<>(QuarkusTransaction.requiringNew().call(() -> view.apply(store(request, stock))), true);
        } catch (RuntimeException e) {
            if (isDuplicateCrmOrderId(e)) {
                return new Result<>(QuarkusTransaction.requiringNew().call(() -> SalesOrderEntity.findByCrmOrderId(request.crmOrderId())
                        .map(view).orElseThrow(() -> e)), false);
            }
            throw e;
        }
    }

    /** Topic intake: invalid content is not retryable, so it goes straight to the dead-letter store with its reasons. */
    public SalesOrderEntity acceptMessage(OrderRequest request) {
        try {
            return accept(request, Function.identity()).order();
        } catch (UnprocessableEntityException e) {
            throw new NonRetryableException("Order " + request.crmOrderId() + " rejected: " + e.errors(), e);
        }
    }

    public Optional<SalesOrderEntity> find(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> SalesOrderEntity.<SalesOrderEntity> findByIdOptional(id));
    }

    public Optional<SalesOrderEntity> findByCrmOrderId(String crmOrderId) {
        return QuarkusTransaction.joiningExisting().call(() -> SalesOrderEntity.findByCrmOrderId(crmOrderId));
    }

    private SalesOrderEntity store(OrderRequest request, Map<String, BigDecimal> stock) {
        Instant now = Instant.now();
        SalesOrderEntity order = new SalesOrderEntity();
        order.id = UUID.randomUUID().toString();
        order.crmOrderId = request.crmOrderId();
        order.customerId = request.customerId();
        order.currency = request.currency();
        order.requestedDeliveryDate = request.requestedDeliveryDate();
        order.status = SalesOrderStatus.ACCEPTED;
        order.correlationId = Correlation.current();
        order.traceparent = TraceContext.currentTraceparent();
        order.createdAt = now;
        order.updatedAt = now;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequest.Line in = request.lines().get(i);
            SalesOrderLineEntity line = new SalesOrderLineEntity();
            line.order = order;
            line.lineNumber = in.lineNumber() == null ? i + 1 : in.lineNumber();
            line.itemId = in.itemId();
            line.quantity = in.quantity();
            line.uom = in.unitOfMeasure();
            line.unitPrice = in.unitPrice();
            line.availability = availabilityOf(in, stock);
            order.lines.add(line);
            total = total.add(in.quantity().multiply(in.unitPrice()));
        }
        order.total = total;
        order.persist();
        SalesOrderEntity.flush();

        timeline.record(order.id, OrderTimeline.ACCEPTED, order.lines.size() + " line(s), total " + total.toPlainString() + " "
                + order.currency + ", CRM order " + order.crmOrderId, order.correlationId);
        if (stock.isEmpty()) {
            timeline.record(order.id, OrderTimeline.AVAILABILITY_UNKNOWN, "Availability could not be checked; inventory-service did not answer",
                    order.correlationId);
        } else {
            List<String> short_ = order.lines.stream().filter(l -> l.availability == Availability.SHORT).map(l -> l.itemId).toList();
            timeline.record(order.id, OrderTimeline.AVAILABILITY_CHECKED,
                    short_.isEmpty() ? "All lines available from stock" : "Short of stock: " + String.join(", ", short_),
                    order.correlationId);
        }
        outbox.append(EventType.ORDER_ACCEPTED, order.id, accepted(order, now), order.correlationId);
        workQueues.enqueue(OrderQueues.ERP_SALES_ORDER, order.id, order.id);
        return order;
    }

    private static Availability availabilityOf(OrderRequest.Line line, Map<String, BigDecimal> stock) {
        if (stock.isEmpty()) {
            return Availability.UNKNOWN;
        }
        BigDecimal onHand = stock.getOrDefault(line.itemId(), BigDecimal.ZERO);
        return onHand.compareTo(line.quantity()) >= 0 ? Availability.AVAILABLE : Availability.SHORT;
    }

    static OrderAccepted accepted(SalesOrderEntity order, Instant at) {
        List<SalesOrderLine> lines = order.lines.stream()
                .map(l -> new SalesOrderLine(l.lineNumber, l.itemId, new Quantity(l.quantity, l.uom), new Money(l.unitPrice, order.currency)))
                .toList();
        LocalDate delivery = order.requestedDeliveryDate;
        return new OrderAccepted(order.id, order.crmOrderId, order.customerId, lines, new Money(order.total, order.currency),
                delivery, at);
    }

    private static boolean isDuplicateCrmOrderId(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && cve.getConstraintName() != null
                    && cve.getConstraintName().contains("sales_order_crm_order_id_key")) {
                return true;
            }
        }
        return false;
    }
}
