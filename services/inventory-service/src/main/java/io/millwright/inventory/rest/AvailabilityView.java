package io.millwright.inventory.rest;

import java.time.Instant;

/** GET /api/v1/availability: unrestricted stock of an item in a plant against a requested quantity. */
public record AvailabilityView(String itemId, String plantId, QuantityJson requestedQuantity, QuantityJson availableQuantity,
        boolean available, Instant asOf) {
}
