package io.millwright.inventory.rest;

import java.time.Instant;
import java.util.List;

/** Read models of the operator APIs. */
public final class Views {

    private Views() {
    }

    public record Balance(String itemId, String lotId, String plantId, String locationId, String status, QuantityJson quantity,
            String lastMovementId, Instant updatedAt) {
    }

    public record Movement(String movementId, String type, String itemId, String lotId, String plantId, String fromLocationId,
            String toLocationId, QuantityJson quantity, String stockStatus, String productionOrderId, String sourceReference,
            Instant occurredAt, Instant createdAt, Erp erp) {
    }

    /** Where the ERP posting of a movement stands. */
    public record Erp(String state, String documentNumber, int attempts, Instant nextAttemptAt, String lastError, Instant postedAt) {
    }

    public record Hold(String holdId, String plantId, String status, String reason, String source, Instant placedAt,
            Instant releasedAt, String releaseReason, List<HeldLot> lots, List<StatusSync> sync) {
    }

    public record HeldLot(String itemId, String lotId, String locationId, QuantityJson heldQuantity) {
    }

    public record StatusSync(String target, String requestId, String status, String state, int attempts, String documentNumber,
            String lastError, Instant doneAt) {
    }

    public record ReconciliationRun(String runId, String plantId, String status, Instant startedAt, Instant finishedAt,
            int positionsCompared, int positionsSkipped, int varianceCount, String error, List<Variance> variances) {
    }

    public record Variance(String itemId, String lotId, String plantId, String locationId, String status,
            QuantityJson millwrightQuantity, QuantityJson erpQuantity, QuantityJson variance) {
    }
}
