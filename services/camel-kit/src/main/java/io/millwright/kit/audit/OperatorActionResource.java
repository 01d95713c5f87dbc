package io.millwright.kit.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.model.security.Roles;

@Path("/api/v1/operator-actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator actions", description = "Who replayed or discarded a dead letter, placed or released a hold, re-posted a movement or ran a reconciliation, and when")
public class OperatorActionResource {

    public record OperatorActionView(UUID id, Instant at, String actor, String clientId, String action, String subject,
            String detail, String correlationId) {

        static OperatorActionView of(OperatorAction a) {
            return new OperatorActionView(a.id, a.at, a.actor, a.clientId, a.action, a.subject, a.detail, a.correlationId);
        }
    }

    @Inject
    OperatorActions actions;

    @GET
    @Operation(summary = "Actions taken by hand, newest first", description = "Filters: action (e.g. DEAD_LETTER_REPLAY), actor,"
            + " subject (a dead letter's id, a hold id, ...), since (ISO-8601 instant); limit 1-1000, default 100.")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<OperatorActionView> list(@QueryParam("action") String action, @QueryParam("actor") String actor,
            @QueryParam("subject") String subject, @QueryParam("since") String since,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return actions.find(action, actor, subject, instant(since), limit).stream().map(OperatorActionView::of).toList();
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since is not an ISO-8601 instant (e.g. 2026-01-31T08:00:00Z): " + since);
        }
    }
}
