package io.millwright.inventory.rest;

import jakarta.validation.constraints.Size;

/** Optional body of POST /api/v1/holds/{holdId}/release. */
public record ReleaseRequest(@Size(max = 500) String reason) {
}
