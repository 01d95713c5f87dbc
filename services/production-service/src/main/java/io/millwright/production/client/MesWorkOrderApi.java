package io.millwright.production.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.millwright.production.mapping.MesWorkOrder;

/** The MES work order API (docs/contracts/plant-apps.md). */
@Path("/mes/api/v1/work-orders")
public interface MesWorkOrderApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response dispatch(MesWorkOrder workOrder);
}
