package io.millwright.production.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A production order's status, operations and confirmations summary (GET /api/v1/production-orders/{id}). */
public record ProductionOrderView(
        String id,
        String plantId,
        String itemId,
        BigDecimal quantity,
        String unitOfMeasure,
        String outputLot,
        String salesOrderId,
        LocalDate dueDate,
        String status,
        String releaseSource,
        Instant releasedAt,
        Mes mes,
        List<Operation> operations,
        List<Component> components,
        Confirmations confirmations,
        Instant createdAt,
        Instant updatedAt) {

    /** Dispatch and acknowledgement state; {@code unacknowledged} once dispatched longer than the ack timeout without an answer. */
    public record Mes(String workOrderId, int dispatchAttempts, Instant nextDispatchAt, String lastDispatchError, Instant dispatchedAt,
            Instant acknowledgedAt, boolean unacknowledged) {
    }

    public record Operation(int sequence, String operationNumber, String description, String workCenterId, String resourceId,
            BigDecimal plannedQuantity, String unitOfMeasure, BigDecimal completedQuantity, BigDecimal scrapQuantity, boolean finished) {
    }

    public record Component(int position, String itemId, String operationNumber, BigDecimal requiredQuantity, String unitOfMeasure,
            BigDecimal consumedQuantity, String lotId) {
    }

    public record Confirmations(long received, long posted, long waitingForErp, long invalid, long rejectedByErp, List<Confirmation> items) {
    }

    public record Confirmation(String confirmationId, String type, String kind, String operationNumber, BigDecimal quantity,
            String unitOfMeasure, String lotId, String shiftId, boolean finalConfirmation, Instant recordedAt, String status,
            String erpDocumentNumber, String reason) {
    }
}
