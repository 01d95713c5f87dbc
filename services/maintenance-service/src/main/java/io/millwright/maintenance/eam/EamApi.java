package io.millwright.maintenance.eam;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.millwright.model.webhook.WebhookSignature;

/** The EAM/CMMS's work request API (docs/contracts/plant-apps.md): signed like every call the platform makes to a system. */
public interface EamApi {

    @POST
    @Path("/api/v1/work-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response create(@HeaderParam(WebhookSignature.HEADER) String signature, String body);

    @PUT
    @Path("/api/v1/work-requests/{externalId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response status(@PathParam("externalId") String externalId, @HeaderParam(WebhookSignature.HEADER) String signature, String body);
}
