package io.millwright.production.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.deadletter.DeadLetterStore;
import io.millwright.kit.deadletter.NewDeadLetter;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.workqueue.WorkQueues;
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
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * P1: takes a released production order (release callback or reconciliation poll), validates it and stores it with
 * its operations, components, timeline, a {@code production.order.released} event and its MES dispatch (work queue
 * {@value ProductionQueues#MES_DISPATCH}) in one transaction. The order waits there as RELEASED until the MES took it. Idempotent by ERP order number,
 * also under concurrent delivery. An unusable release stores nothing and is recorded as a dead letter (once per
 * order number and reason) so an operator sees it.
 */
@ApplicationScoped
public class ReleaseIntake {

    private static final Logger LOG = Logger.getLogger(ReleaseIntake.class);
    /** The flow a refused release is recorded under. */
    public static final String REJECTION_ROUTE_ID = "production.erp-release";
    /** Where the replay of a refused release goes. */
    public static final String REPLAY_URI = "direct:production.release-replay";

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
    DeadLetterStore deadLetters;

    @Inject
    WorkQueues workQueues;

    public Result accept(ReleasedOrder release, ReleaseSource source) {
        return accept(release, source, null);
    }

    private Result accept(ReleasedOrder release, ReleaseSource source, UUID replayOf) {
        List<String> problems = ReleaseValidator.problems(release);
        if (!problems.isEmpty()) {
            String message = "Production order " + (release.productionOrderNumber() == null ? "(no number)" : release.productionOrderNumber())
                    + " rejected: " + String.join("; ", problems);
            recordRejection(release, message, replayOf);
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
        timeline.record(order.id, ProductionTimeline.RELEASED, (switch (source) {
            case CALLBACK -> "Released by ERP";
            case RECONCILIATION -> "Found by reconciliation poll";
            case REPLAY -> "Refused before, replayed by an operator";
        })
                + ": " + order.quantity.stripTrailingZeros().toPlainString() + " " + order.uom + " of " + order.itemId + ", lot "
                + order.outputLot + ", " + order.operations.size() + " operation(s), due " + order.dueDate, order.correlationId);
        outbox.append(EventType.PRODUCTION_ORDER_RELEASED, order.id, new ProductionOrderReleased(toCanonical(order), order.releasedAt),
                order.correlationId);
        workQueues.enqueue(ProductionQueues.MES_DISPATCH, order.id, order.id);
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

    /**
     * One dead letter per order number and reason (the key): ERP resends and reconciliation polls do not pile up
     * copies. Its replay takes the release through the intake again ({@link #replay}).
     */
    private void recordRejection(ReleasedOrder release, String message, UUID replayOf) {
        String key = (release.productionOrderNumber() == null ? "" : release.productionOrderNumber()) + "|" + Integer.toHexString(message.hashCode());
        String json;
        try {
            json = ModelJson.mapper().writeValueAsString(release);
        } catch (JsonProcessingException e) {
            json = String.valueOf(release);
        }
        deadLetters.record(NewDeadLetter.of(REJECTION_ROUTE_ID, message).key(key).payload(json).replayTo(REPLAY_URI)
                .failedEndpoint("production-service release intake").replayOf(replayOf));
    }

    /** An operator's replay of a refused release (body: the release as recorded). */
    public Result replay(@Body String release, @Header(WorkQueues.DEAD_LETTER_HEADER) String deadLetterId) throws JsonProcessingException {
        ReleasedOrder order = ModelJson.mapper().readValue(release, ReleasedOrder.class);
        return accept(order, ReleaseSource.REPLAY, deadLetterId == null ? null : UUID.fromString(deadLetterId));
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
