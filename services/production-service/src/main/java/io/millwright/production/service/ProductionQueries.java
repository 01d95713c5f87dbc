package io.millwright.production.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.millwright.model.production.ConfirmationKind;
import io.millwright.kit.workqueue.WorkItem;
import io.millwright.production.config.ProductionConfig;
import io.millwright.production.persistence.ConfirmationStatus;
import io.millwright.production.persistence.MesConfirmationEntity;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionOperationEntity;
import io.millwright.production.persistence.ProductionOrderEntity;
import io.millwright.production.persistence.TimelineEntryEntity;
import io.millwright.production.rest.ActiveWorkOrderView;
import io.millwright.production.rest.ResourceWorkOrderView;
import io.millwright.production.rest.ProductionOrderView;
import io.millwright.production.rest.StatusView;
import io.millwright.production.rest.TimelineView;

/** Read side: order views, timelines, the active work order per resource, unacknowledged work orders, status counts. */
@ApplicationScoped
public class ProductionQueries {

    /** Statuses in which an order is on the shop floor: dispatched and not closed. */
    static final List<OrderStatus> ACTIVE = List.of(OrderStatus.DISPATCHED, OrderStatus.ACKNOWLEDGED, OrderStatus.IN_PROGRESS);

    @Inject
    ProductionConfig config;

    @Transactional
    public Optional<ProductionOrderView> order(String id) {
        return ProductionOrderEntity.<ProductionOrderEntity> findByIdOptional(id).map(this::view);
    }

    @Transactional
    public List<ProductionOrderView> orders(String status, int limit) {
        List<ProductionOrderEntity> orders;
        if (status == null || status.isBlank()) {
            orders = ProductionOrderEntity.<ProductionOrderEntity> find("order by createdAt desc").page(0, limit).list();
        } else if ("UNACKNOWLEDGED".equalsIgnoreCase(status)) {
            orders = unacknowledgedOrders();
        } else {
            orders = ProductionOrderEntity.<ProductionOrderEntity> find("status = ?1 order by createdAt desc", OrderStatus.valueOf(status.toUpperCase()))
                    .page(0, limit).list();
        }
        return orders.stream().map(this::view).toList();
    }

    @Transactional
    public Optional<List<TimelineView>> timeline(String id) {
        if (ProductionOrderEntity.findByIdOptional(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TimelineEntryEntity.forOrder(id).stream()
                .map(t -> new TimelineView(t.step, t.detail, t.at, t.correlationId, t.traceId)).toList());
    }

    /**
     * The active work order of a resource: among dispatched, not closed orders with an operation on the resource that
     * is not finished, the one with the latest confirmation on that resource; without confirmations, the one
     * dispatched first (the MES works its queue in dispatch order).
     */
    @Transactional
    public Optional<ActiveWorkOrderView> activeWorkOrder(String resourceId) {
        List<ProductionOperationEntity> candidates = ProductionOperationEntity.<ProductionOperationEntity> find(
                "from ProductionOperationEntity op where op.resourceId = ?1 and op.finished = false and op.order.status in ?2", resourceId, ACTIVE).list();
        return candidates.stream()
                .min(Comparator.<ProductionOperationEntity, Instant> comparing(op -> op.lastConfirmationAt,
                                Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(op -> op.order.dispatchedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(op -> op.sequence))
                .map(op -> new ActiveWorkOrderView(resourceId, op.order.id, op.order.mesWorkOrderId, op.order.status.name(),
                        op.order.itemId, op.order.outputLot, op.operationNumber, op.description, op.order.dispatchedAt,
                        op.lastConfirmationAt));
    }

    /**
     * Every order with an unfinished operation on the resource that is released or on the shop floor (not closed, not
     * refused by the MES): the active one first ({@link #activeWorkOrder}), then the waiting ones in release order.
     */
    @Transactional
    public List<ResourceWorkOrderView> workOrders(String resourceId) {
        String active = activeWorkOrder(resourceId).map(ActiveWorkOrderView::productionOrderId).orElse(null);
        List<OrderStatus> open = new ArrayList<>(ACTIVE);
        open.add(OrderStatus.RELEASED);
        List<ProductionOperationEntity> operations = ProductionOperationEntity.<ProductionOperationEntity> find(
                "from ProductionOperationEntity op where op.resourceId = ?1 and op.finished = false and op.order.status in ?2", resourceId, open).list();
        Map<String, ResourceWorkOrderView> byOrder = new LinkedHashMap<>();
        operations.stream()
                .sorted(Comparator.<ProductionOperationEntity, Boolean> comparing(op -> !op.order.id.equals(active))
                        .thenComparing(op -> op.order.releasedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(op -> op.order.id).thenComparing(op -> op.sequence))
                .forEach(op -> byOrder.putIfAbsent(op.order.id, new ResourceWorkOrderView(resourceId, op.order.id, op.order.salesOrderId,
                        op.order.status.name(), op.order.itemId, op.operationNumber, op.description, op.order.id.equals(active),
                        op.order.releasedAt, op.order.dispatchedAt, op.lastConfirmationAt)));
        return List.copyOf(byOrder.values());
    }

    public static long unacknowledgedCount(java.time.Duration ackTimeout) {
        return ProductionOrderEntity.count("acknowledgedAt is null and dispatchedAt is not null and dispatchedAt < ?1 and status in ?2",
                Instant.now().minus(ackTimeout), ACTIVE);
    }

    private List<ProductionOrderEntity> unacknowledgedOrders() {
        return ProductionOrderEntity.<ProductionOrderEntity> find(
                "acknowledgedAt is null and dispatchedAt is not null and dispatchedAt < ?1 and status in ?2 order by dispatchedAt",
                Instant.now().minus(config.mes().ackTimeout()), ACTIVE).list();
    }

    @Transactional
    public StatusView status() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            counts.put(s, ProductionOrderEntity.count("status", s));
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        counts.forEach((s, n) -> byStatus.put(s.name(), n));
        List<StatusView.Unacknowledged> unacknowledged = unacknowledgedOrders().stream()
                .map(o -> new StatusView.Unacknowledged(o.id, o.mesWorkOrderId, o.dispatchedAt)).toList();
        return new StatusView(byStatus, counts.get(OrderStatus.RELEASED), unacknowledged.size(), config.mes().ackTimeout(), unacknowledged,
                MesConfirmationEntity.count("status in ?1", List.of(ConfirmationStatus.RECEIVED, ConfirmationStatus.VALIDATED)),
                ConfirmationPosting.waitingForErpCount());
    }

    private ProductionOrderView view(ProductionOrderEntity order) {
        List<MesConfirmationEntity> confirmations = MesConfirmationEntity.<MesConfirmationEntity> list("productionOrderId = ?1 order by seq", order.id);
        boolean unacknowledged = order.acknowledgedAt == null && order.dispatchedAt != null && ACTIVE.contains(order.status)
                && order.dispatchedAt.isBefore(Instant.now().minus(config.mes().ackTimeout()));
        List<ProductionOrderView.Operation> operations = order.operations.stream().map(op -> new ProductionOrderView.Operation(op.sequence,
                op.operationNumber, op.description, op.workCenterId, op.resourceId, plain(op.plannedQuantity), op.uom,
                postedSum(confirmations, ConfirmationKind.COMPLETION, op.operationNumber, null),
                postedSum(confirmations, ConfirmationKind.SCRAP, op.operationNumber, null), op.finished)).toList();
        List<ProductionOrderView.Component> components = order.components.stream().map(c -> new ProductionOrderView.Component(c.position,
                c.itemId, c.operationNumber, plain(c.requiredQuantity), c.uom,
                postedSum(confirmations, ConfirmationKind.CONSUMPTION, null, c.itemId), c.lotId)).toList();
        // While a confirmation waits for ERP, its work item knows the last error.
        Map<String, String> lastErrors = new HashMap<>();
        WorkItem.<WorkItem> list("queue = ?1 and orderingKey = ?2", ProductionQueues.CONFIRMATION, order.id).stream()
                .filter(item -> item.lastError != null).forEach(item -> lastErrors.put(item.itemKey, item.lastError));
        List<ProductionOrderView.Confirmation> items = confirmations.stream().map(c -> new ProductionOrderView.Confirmation(c.confirmationId,
                c.mesType, c.kind.name(), c.erpOperationNumber != null ? c.erpOperationNumber : c.operationNumber, plain(c.quantity), c.uom,
                c.lotId, c.shiftId, c.finalConfirmation, c.recordedAt, c.status.name(), c.erpDocumentNumber,
                c.invalidReason != null ? c.invalidReason : lastErrors.get(c.confirmationId))).toList();
        ProductionOrderView.Confirmations summary = new ProductionOrderView.Confirmations(confirmations.size(),
                count(confirmations, ConfirmationStatus.POSTED),
                confirmations.stream().filter(c -> c.status == ConfirmationStatus.VALIDATED && c.attempts > 0).count(),
                count(confirmations, ConfirmationStatus.INVALID), count(confirmations, ConfirmationStatus.REJECTED_BY_ERP), items);
        return new ProductionOrderView(order.id, order.plantId, order.itemId, plain(order.quantity), order.uom, order.outputLot,
                order.salesOrderId, order.dueDate, order.status.name(), order.releaseSource.name(), order.releasedAt,
                mes(order, unacknowledged),
                operations, components, summary, order.createdAt, order.updatedAt);
    }

    /** While the dispatch waits, its work item knows the next attempt and the last error. */
    private static ProductionOrderView.Mes mes(ProductionOrderEntity order, boolean unacknowledged) {
        Optional<WorkItem> dispatch = WorkItem.find("queue = ?1 and itemKey = ?2", ProductionQueues.MES_DISPATCH, order.id).firstResultOptional();
        return new ProductionOrderView.Mes(order.mesWorkOrderId, Math.max(order.dispatchAttempts, dispatch.map(d -> d.attempts).orElse(0)),
                dispatch.map(d -> d.nextAttemptAt).orElse(null), dispatch.map(d -> d.lastError).orElse(null), order.dispatchedAt,
                order.acknowledgedAt, unacknowledged);
    }

    private static long count(List<MesConfirmationEntity> confirmations, ConfirmationStatus status) {
        return confirmations.stream().filter(c -> c.status == status).count();
    }

    private static BigDecimal postedSum(List<MesConfirmationEntity> confirmations, ConfirmationKind kind, String operationNumber, String itemId) {
        return plain(confirmations.stream()
                .filter(c -> c.status == ConfirmationStatus.POSTED && c.kind == kind)
                .filter(c -> operationNumber == null || operationNumber.equals(c.erpOperationNumber))
                .filter(c -> itemId == null || itemId.equals(c.materialId))
                .map(c -> c.quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
