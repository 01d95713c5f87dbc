package io.millwright.edge.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
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

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.millwright.edge.audit.OperatorActionLog;
import io.millwright.edge.store.DeadLetterQueue;
import io.millwright.edge.store.DeadLetterQueue.Content;
import io.millwright.edge.store.DeadLetterQueue.DeadLetter;
import io.millwright.model.security.Roles;

/**
 * Operator API for the journal's dead letters (SPEC X2), on the gateway's local HTTP port like the status page:
 * the same paths as the services' dead-letter API. Reading is open to the plant network; replaying and discarding
 * need an operator's bearer token and are recorded with who did it ({@link OperatorActionLog}, D142). Discarding
 * deletes the entries for good; the record of it stays.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterQueue deadLetters;
    private final OperatorActionLog actions;
    private final JsonWebToken caller;

    DeadLetterResource(DeadLetterQueue deadLetters, OperatorActionLog actions, JsonWebToken caller) {
        this.deadLetters = deadLetters;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return deadLetters.list(Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("/{id}")
    public Content get(@PathParam("id") long id) {
        return deadLetters.get(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.OPERATOR)
    public DeadLetter replay(@PathParam("id") long id) throws Exception {
        DeadLetter replayed = deadLetters.replay(id).orElseThrow(() -> notFound(id));
        record("DEAD_LETTER_REPLAY", replayed, "to " + replayed.originQueue());
        return replayed;
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    public DeadLetter discard(@PathParam("id") long id) throws Exception {
        DeadLetter discarded = deadLetters.discard(id).orElseThrow(() -> notFound(id));
        record("DEAD_LETTER_DISCARD", discarded, discarded.entries() + " entries of " + discarded.source() + " deleted");
        return discarded;
    }

    private void record(String action, DeadLetter letter, String detail) {
        String actor = caller.getClaim("preferred_username") != null ? caller.getClaim("preferred_username") : caller.getName();
        actions.record(actor, caller.getClaim("azp"), action, String.valueOf(letter.id()), detail + " (" + letter.reason() + ")");
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No dead letter " + id + " in the edge journal");
    }

    /** 404 with the reason as a problem document, like the services' APIs. */
    @ServerExceptionMapper
    RestResponse<Map<String, Object>> notFound(NotFoundException e) {
        return RestResponse.ResponseBuilder.<Map<String, Object>>create(RestResponse.Status.NOT_FOUND)
                .type("application/problem+json")
                .entity(Map.of("status", 404, "title", "Not Found", "detail", e.getMessage())).build();
    }
}
