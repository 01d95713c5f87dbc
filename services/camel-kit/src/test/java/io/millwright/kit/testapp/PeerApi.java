package io.millwright.kit.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@link HttpPeer}'s API as a REST client interface, built by {@code TargetSystems.restClient}. */
@Path("/peer")
public interface PeerApi {

    @GET
    @Path("/echo")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode echo();

    @GET
    @Path("/status/{code}")
    Response status(@PathParam("code") int code);

    /** The same status through the REST client's default mapping (a non-2xx answer is thrown). */
    @GET
    @Path("/status/{code}")
    @Produces(MediaType.TEXT_PLAIN)
    String statusText(@PathParam("code") int code);

    @GET
    @Path("/slow/{ms}")
    Response slow(@PathParam("ms") long ms);
}
