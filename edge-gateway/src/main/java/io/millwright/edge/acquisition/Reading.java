package io.millwright.edge.acquisition;

import java.time.Instant;

import io.millwright.edge.config.TagConfig;
import io.millwright.model.common.Quantity;
import io.millwright.model.edge.SampleQuality;

/** One tag's outcome of one read, before the journal numbers it; {@code reason} explains a non-GOOD quality. */
public record Reading(TagConfig tag, Quantity value, String textValue, SampleQuality quality, String reason, Instant sampledAt) {
}
