package io.millwright.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.model.security.Roles;

/** Operator API for the dead-letter store (SPEC X2). */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Messages a flow gave up on: list, inspect, replay, discard")
public class DeadLetterResource {

    public record DeadLetterSummary(UUID id, String routeId, String reason, String status, int replayCount, int occurrences,
            String correlationId, Instant createdAt, Instant updatedAt) {
        static DeadLetterSummary of(DeadLetter d) {
            return new DeadLetterSummary(d.id, d.routeId, d.reason, d.status.name(), d.replayCount, d.occurrences, d.correlationId,
                    d.createdAt, d.updatedAt);
        }
    }

    public record DeadLetterDetail(UUID id, String routeId, String endpointUri, String failedEndpoint, String reason,
            String exceptionType, String stackTrace, String payload, String headers, String correlationId, String status,
            int replayCount, int occurrences, Instant createdAt, Instant updatedAt) {
        static DeadLetterDetail of(DeadLetter d) {
            return new DeadLetterDetail(d.id, d.routeId, d.endpointUri, d.failedEndpoint, d.reason, d.exceptionType,
                    d.stackTrace, d.payload == null ? null : new String(d.payload, StandardCharsets.UTF_8), d.headers,
                    d.correlationId, d.status.name(), d.replayCount, d.occurrences, d.createdAt, d.updatedAt);
        }
    }

    @Inject
    DeadLetterOperations operations;

    @GET
    @Operation(summary = "List dead letters, newest first")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<DeadLetterSummary> list(@QueryParam("status") DeadLetter.Status status, @QueryParam("routeId") String routeId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return operations.list(status, routeId, limit).stream().map(DeadLetterSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter with payload, headers and stack trace")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public DeadLetterDetail get(@PathParam("id") UUID id) {
        return operations.get(id).map(DeadLetterDetail::of).orElseThrow(() -> new NotFoundException("No dead letter " + id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send the original message back to the endpoint it came from")
    @RolesAllowed(Roles.OPERATOR)
    public DeadLetterSummary replay(@PathParam("id") UUID id) {
        ensureExists(id);
        return DeadLetterSummary.of(operations.replay(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Mark a dead letter discarded (kept for audit)")
    @RolesAllowed(Roles.OPERATOR)
    public DeadLetterSummary discard(@PathParam("id") UUID id) {
        ensureExists(id);
        return DeadLetterSummary.of(operations.discard(id));
    }

    private void ensureExists(UUID id) {
        if (operations.get(id).isEmpty()) {
            throw new NotFoundException("No dead letter " + id);
        }
    }
}
