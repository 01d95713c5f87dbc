package io.millwright.production.mapping;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A confirmation as the MES posts it ({@code POST /api/v1/mes/confirmations}, docs/contracts/plant-apps.md). */
public record MesConfirmationRequest(
        @NotBlank @Size(max = 100) String confirmationId,
        @Size(max = 100) String mesWorkOrderId,
        @NotBlank @Size(max = 50) String productionOrderId,
        @NotNull MesConfirmationType type,
        @Size(max = 20) String operationNumber,
        @Size(max = 50) String materialId,
        @NotNull @Valid MesQuantity quantity,
        @Size(max = 50) String lotId,
        @Size(max = 100) String scrapReason,
        @Size(max = 50) String operatorId,
        Boolean finalConfirmation,
        @NotNull Instant recordedAt) {
}
