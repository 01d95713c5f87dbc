package io.millwright.inventory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/v1/holds: hold one lot of an item (plant defaults to the service's plant; location optional). */
public record HoldRequest(
        @NotBlank @Size(max = 100) @jakarta.validation.constraints.Pattern(regexp = "[^:/]+", message = "must not contain ':' or '/'") String holdId,
        @NotBlank @Size(max = 50) String itemId,
        @NotBlank @Size(max = 50) String lotId,
        @Size(min = 1, max = 10) String plantId,
        @Size(min = 1, max = 20) String locationId,
        @NotBlank @Size(max = 500) String reason) {
}
