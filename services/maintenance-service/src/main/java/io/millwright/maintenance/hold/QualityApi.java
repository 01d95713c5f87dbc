package io.millwright.maintenance.hold;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** quality-service's window holds (SPEC Q4). */
public interface QualityApi {

    @POST
    @Path("/api/v1/holds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response hold(String body);
}
