package io.millwright.kit.testapp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.millwright.kit.security.RateLimited;
import io.millwright.model.security.Roles;

/** A validated request body, for the kit's problem responses. Accepted requests are echoed. */
@Path("/kit-test/shipments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentRequestResource {

    public record ShipmentLine(@NotBlank String itemId, @Positive BigDecimal quantity) {
    }

    public record ShipmentRequest(@NotBlank String reference, @Positive int priority, @NotEmpty List<@Valid ShipmentLine> lines) {
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @RateLimited("kit-test-shipments")
    public ShipmentRequest request(@Valid ShipmentRequest request) {
        return request;
    }

    /** A lookup by path and query parameter, echoed. */
    @GET
    @Path("/{reference}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public Map<String, String> lookup(@PathParam("reference") String reference, @QueryParam("plant") String plant) {
        return Map.of("reference", reference, "plant", String.valueOf(plant));
    }
}
