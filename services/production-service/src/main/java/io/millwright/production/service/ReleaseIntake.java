package io.millwright.production.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.production.ProductionComponent;
import io.millwright.model.production.ProductionOperation;
import io.millwright.model.production.ProductionOrder;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.model.production.ProductionOrderStatus;
import io.millwright.production.mapping.ReleaseValidator;
import io.millwright.production.mapping.ReleasedOrder;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionComponentEntity;
import io.millwright.production.persistence.ProductionOperationEntity;
import io.millwright.production.persistence.ProductionOrderEntity;
import io.millwright.production.persistence.ProductionOrderEntity.ReleaseSource;
import io.millwright.production.route.ErpReleaseRoute;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * P1: takes a released production order (release callback or reconciliation poll), validates it and stores it with
 * its operations, components, timeline and a {@code production.order.released} event in one transaction. The
 * order waits there as RELEASED until the dispatcher has handed it to the MES. Idempotent by ERP order number,
 * also under concurrent delivery. An unusable release stores nothing and is recorded as a dead letter (once per
 * order number and reason) so an operator sees it.
 */
@ApplicationScoped
public class ReleaseIntake {

    private static final Logger LOG = Logger.getLogger(ReleaseIntake.class);
    static final String REJECTION_PROCESSOR = "production.release-rejected";

    public enum Outcome {
        ACCEPTED, DUPLICATE, REJECTED
    }

    public record Result(Outcome outcome, String message) {
    }

    @Inject
    ProductionTimeline timeline;

    @Inject
    OutboxWriter outbox;

    @Inject
    ProducerTemplate producer;

    @Inject
    IdempotentRepositories idempotentRepositories;

    public Result accept(ReleasedOrder release, ReleaseSource source) {
        List<String> problems = ReleaseValidator.problems(release);
        if (!problems.isEmpty()) {
            String message = "Production order " + (release.productionOrderNumber() == null ? "(no number)" : release.productionOrderNumber())
                    + " rejected: " + String.join("; ", problems);
            recordRejection(release, message);
            return new Result(Outcome.REJECTED, message);
        }
        if (exists(release.productionOrderNumber())) {
            return new Result(Outcome.DUPLICATE, "Production order " + release.productionOrderNumber() + " was already released");
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> store(release, source));
            LOG.infof("Production order %s released (%s)", release.productionOrderNumber(), source);
            return new Result(Outcome.ACCEPTED, null);
        } catch (RuntimeException e) {
            if (isDuplicateKey(e) && exists(release.productionOrderNumber())) {
                return new Result(Outcome.DUPLICATE, "Production order " + release.productionOrderNumber() + " was already released");
            }
            throw e;
        }
    }

    private boolean exists(String number) {
        return QuarkusTransaction.requiringNew().call(() -> ProductionOrderEntity.findByIdOptional(number).isPresent());
    }

    private void store(ReleasedOrder release, ReleaseSource source) {
        Instant now = Instant.now();
        ProductionOrderEntity order = new ProductionOrderEntity();
        order.id = release.productionOrderNumber();
        order.plantId = release.plantId();
        order.itemId = release.itemId();
        order.quantity = release.quantity();
        order.uom = release.unitOfMeasure();
        order.outputLot = release.lot();
        order.salesOrderId = release.salesOrderNumber();
        order.dueDate = release.dueDate();
        order.releasedAt = release.releasedAt() == null ? now : release.releasedAt();
        order.releaseSource = source;
        order.status = OrderStatus.RELEASED;
        order.correlationId = Correlation.current();
        order.traceparent = TraceContext.currentTraceparent();
        order.createdAt = now;
        order.updatedAt = now;
        for (int i = 0; i < release.operations().size(); i++) {
            ReleasedOrder.Operation in = release.operations().get(i);
            ProductionOperationEntity op = new ProductionOperationEntity();
            op.order = order;
            op.sequence = i + 1;
            op.operationNumber = in.operationNumber();
            op.description = in.description();
            op.workCenterId = in.workCenterId();
            op.resourceId = in.resourceId();
            op.plannedQuantity = in.plannedQuantity();
            op.uom = in.unitOfMeasure();
            order.operations.add(op);
        }
        for (int i = 0; i < release.components().size(); i++) {
            ReleasedOrder.Component in = release.components().get(i);
            ProductionComponentEntity c = new ProductionComponentEntity();
            c.order = order;
            c.position = i + 1;
            c.itemId = in.itemId();
            c.operationNumber = in.operationNumber();
            c.requiredQuantity = in.requiredQuantity();
            c.uom = in.unitOfMeasure();
            c.lotId = in.lot();
            order.components.add(c);
        }
        order.persist();
        ProductionOrderEntity.flush();
        timeline.record(order.id, ProductionTimeline.RELEASED, (source == ReleaseSource.CALLBACK ? "Released by ERP" : "Found by reconciliation poll")
                + ": " + order.quantity.stripTrailingZeros().toPlainString() + " " + order.uom + " of " + order.itemId + ", lot "
                + order.outputLot + ", " + order.operations.size() + " operation(s), due " + order.dueDate, order.correlationId);
        outbox.append(EventType.PRODUCTION_ORDER_RELEASED, order.id, new ProductionOrderReleased(toCanonical(order), order.releasedAt),
                order.correlationId);
    }

    public static ProductionOrder toCanonical(ProductionOrderEntity order) {
        List<ProductionOperation> operations = order.operations.stream()
                .map(op -> new ProductionOperation(op.operationNumber, op.description, op.resourceId, op.workCenterId, null, null))
                .toList();
        List<ProductionComponent> components = order.components.stream()
                .map(c -> new ProductionComponent(c.position, c.itemId, new Quantity(c.requiredQuantity.stripTrailingZeros(), c.uom),
                        c.operationNumber, null, c.lotId))
                .toList();
        return new ProductionOrder(order.id, order.plantId, order.itemId, new Quantity(order.quantity.stripTrailingZeros(), order.uom),
                ProductionOrderStatus.RELEASED, order.operations.get(0).resourceId, order.salesOrderId, order.outputLot, null,
                order.dueDate, operations, components);
    }

    /** One dead letter per order number and reason: ERP resends and reconciliation polls do not pile up copies. */
    private void recordRejection(ReleasedOrder release, String message) {
        String key = (release.productionOrderNumber() == null ? "" : release.productionOrderNumber()) + "|" + Integer.toHexString(message.hashCode());
        if (!idempotentRepositories.forProcessor(REJECTION_PROCESSOR).add(key)) {
            LOG.warnf("%s (already recorded)", message);
            return;
        }
        String json;
        try {
            json = ModelJson.mapper().writeValueAsString(release);
        } catch (JsonProcessingException e) {
            json = String.valueOf(release);
        }
        String body = json;
        producer.send(ErpReleaseRoute.REJECTED_URI, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(ErpReleaseRoute.REASON_HEADER, message);
            Optional.ofNullable(Correlation.current()).ifPresent(id -> exchange.getMessage().setHeader(Correlation.HTTP_HEADER, id));
        });
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
