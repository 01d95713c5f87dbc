package io.millwright.simulators.mes.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.KeyLock;
import io.millwright.simulators.mes.persistence.WorkOrderEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Work orders the MES received from production-service: validated, stored once per production order. */
@ApplicationScoped
public class WorkOrderService {

    public record Dispatched(String mesWorkOrderId, String status, boolean created) {
    }

    /** Admin view: the work order with the dispatch as received. */
    public record WorkOrder(String productionOrderId, String mesWorkOrderId, String status, int dispatchCount,
            Instant receivedAt, Instant lastReceivedAt, String correlationId, Instant acknowledgedAt, int ackAttempts,
            String ackOutcome, Map<String, Object> payload) {

        static WorkOrder of(WorkOrderEntity e) {
            return new WorkOrder(e.productionOrderId, e.mesWorkOrderId, e.status, e.dispatchCount, e.receivedAt,
                    e.lastReceivedAt, e.correlationId, e.acknowledgedAt, e.ackAttempts, e.ackOutcome, e.payload);
        }
    }

    @Inject
    KeyLock lock;

    /** The contract's structural checks of a dispatch; empty when valid. */
    public FieldErrors validate(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        if (body == null) {
            errors.add("$", "a work order body is required");
            return errors;
        }
        errors.text(body, "productionOrderId", "productionOrderId");
        errors.text(body, "plantId", "plantId");
        errors.text(body, "itemId", "itemId");
        errors.quantity(body, "quantity", "quantity", false);
        List<Map<String, Object>> operations = errors.objects(body, "operations", "operations");
        if (body.get("operations") == null || (body.get("operations") instanceof List<?> list && list.isEmpty())) {
            errors.add("operations", "at least one operation is required");
        }
        for (int i = 0; i < operations.size(); i++) {
            String path = "operations[" + i + "]";
            errors.text(operations.get(i), "operationNumber", path + ".operationNumber");
            errors.text(operations.get(i), "resourceId", path + ".resourceId");
            errors.quantity(operations.get(i), "plannedQuantity", path + ".plannedQuantity", false);
        }
        List<Map<String, Object>> components = errors.objects(body, "components", "components");
        for (int i = 0; i < components.size(); i++) {
            String path = "components[" + i + "]";
            errors.text(components.get(i), "itemId", path + ".itemId");
            errors.quantity(components.get(i), "quantity", path + ".quantity", false);
        }
        return errors;
    }

    /** Stores a new work order, or counts a repeated dispatch of a known one (which changes nothing else). */
    @Transactional
    public Dispatched dispatch(Map<String, Object> body, String correlationId) {
        String productionOrderId = (String) body.get("productionOrderId");
        lock.acquire("mes-work-order", productionOrderId);
        Instant now = Instant.now();
        WorkOrderEntity existing = WorkOrderEntity.findById(productionOrderId);
        if (existing != null) {
            existing.dispatchCount++;
            existing.lastReceivedAt = now;
            return new Dispatched(existing.mesWorkOrderId, existing.status, false);
        }
        WorkOrderEntity workOrder = new WorkOrderEntity();
        workOrder.productionOrderId = productionOrderId;
        workOrder.mesWorkOrderId = "WO-" + productionOrderId;
        workOrder.status = WorkOrderEntity.RECEIVED;
        workOrder.payload = body;
        workOrder.dispatchCount = 1;
        workOrder.receivedAt = now;
        workOrder.lastReceivedAt = now;
        workOrder.correlationId = correlationId == null || correlationId.length() <= 200 ? correlationId
                : correlationId.substring(0, 200);
        workOrder.persist();
        return new Dispatched(workOrder.mesWorkOrderId, workOrder.status, true);
    }

    @Transactional
    public List<WorkOrder> list() {
        return WorkOrderEntity.listOrdered().stream().map(WorkOrder::of).toList();
    }

    @Transactional
    public Optional<WorkOrder> find(String productionOrderId) {
        return WorkOrderEntity.<WorkOrderEntity>findByIdOptional(productionOrderId).map(WorkOrder::of);
    }

    /** Records one acknowledgement attempt; a 2xx answer makes the work order ACKNOWLEDGED. */
    @Transactional
    public void recordAcknowledgement(String productionOrderId, boolean successful, String outcome) {
        WorkOrderEntity workOrder = WorkOrderEntity.findById(productionOrderId);
        if (workOrder == null) {
            return;
        }
        workOrder.ackAttempts++;
        workOrder.ackOutcome = outcome.length() <= 300 ? outcome : outcome.substring(0, 300);
        if (successful) {
            workOrder.status = WorkOrderEntity.ACKNOWLEDGED;
            workOrder.acknowledgedAt = Instant.now();
        }
    }
}
