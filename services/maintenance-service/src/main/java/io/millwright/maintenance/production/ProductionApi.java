package io.millwright.maintenance.production;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** production-service's work orders per resource (SPEC P4). */
public interface ProductionApi {

    @GET
    @Path("/api/v1/resources/{id}/work-orders")
    @Produces(MediaType.APPLICATION_JSON)
    Response workOrders(@PathParam("id") String resourceId);
}
