package io.millwright.production.mapping;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The MES acknowledging a work order ({@code POST /api/v1/mes/acknowledgements}). */
public record MesAcknowledgementRequest(
        @NotBlank @Size(max = 50) String productionOrderId,
        @NotBlank @Size(max = 100) String mesWorkOrderId,
        @NotNull Instant acknowledgedAt) {
}
