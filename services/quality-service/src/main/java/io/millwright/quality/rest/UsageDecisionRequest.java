package io.millwright.quality.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.millwright.quality.hold.UsageDecisions;

/** A usage decision on a lot: ACCEPT (release) or REJECT (stays held), with the QMS's code and a reason. */
public record UsageDecisionRequest(
        @NotNull UsageDecisions.Decision decision,
        @Size(max = 20) String code,
        @Size(max = 500) String reason) {
}
