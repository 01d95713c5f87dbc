package io.millwright.inventory.rest;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A WMS receipt ({@code docs/contracts/plant-apps.md}); {@code receiptId} is the WMS's key. */
public record WmsReceiptRequest(
        @NotBlank @Size(max = 80) String receiptId,
        @NotBlank @Size(max = 10) String plantId,
        @NotBlank @Size(max = 50) String itemId,
        @Size(min = 1, max = 50) String lotId,
        @NotBlank @Size(max = 20) String locationId,
        @NotNull @Valid QuantityJson quantity,
        Instant receivedAt) {
}
