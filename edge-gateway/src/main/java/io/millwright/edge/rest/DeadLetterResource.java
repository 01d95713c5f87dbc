package io.millwright.edge.rest;

import java.util.List;
import java.util.Map;

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

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.millwright.edge.store.DeadLetterQueue;
import io.millwright.edge.store.DeadLetterQueue.Content;
import io.millwright.edge.store.DeadLetterQueue.DeadLetter;

/**
 * Operator API for the journal's dead letters (SPEC X2), on the gateway's local HTTP port like the status page:
 * the same paths as the services' dead-letter API. Discarding deletes for good: the plant box keeps no audit store.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterQueue deadLetters;

    DeadLetterResource(DeadLetterQueue deadLetters) {
        this.deadLetters = deadLetters;
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
    public DeadLetter replay(@PathParam("id") long id) throws Exception {
        return deadLetters.replay(id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    public DeadLetter discard(@PathParam("id") long id) throws Exception {
        return deadLetters.discard(id).orElseThrow(() -> notFound(id));
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
