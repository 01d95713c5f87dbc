package io.millwright.quality.qms;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.millwright.model.webhook.WebhookSignature;

/** The QMS's quality case API (docs/contracts/plant-apps.md): signed like every call the platform makes to a system. */
public interface QmsCaseApi {

    @POST
    @Path("/api/v1/quality-cases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response open(@HeaderParam(WebhookSignature.HEADER) String signature, String body);
}
