package io.millwright.kit.testapp;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.millwright.model.security.Roles;

/** REST entry of the test application: confirming an order records it and appends its event. */
@Path("/kit-test/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderProgressResource {

    public record Confirmation(String orderId, UUID eventId) {
    }

    @Inject
    OrderProgress progress;

    @POST
    @Path("/{orderId}/confirmation")
    @RolesAllowed(Roles.OPERATOR)
    public Confirmation confirm(@PathParam("orderId") String orderId) {
        return new Confirmation(orderId, progress.confirm(orderId, false));
    }
}
