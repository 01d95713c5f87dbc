package io.millwright.simulators.crm.rest;

import java.util.Map;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.crm.service.CrmOutage;
import io.millwright.simulators.crm.service.CrmService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The CRM's order milestone webhook (docs/contracts/plant-apps.md): order-service reports milestones here. */
@Path("/crm/api/v1/order-milestones")
@Produces(MediaType.APPLICATION_JSON)
public class CrmWebhookResource {

    @Inject
    CrmOutage outage;

    @Inject
    CrmService crm;

    /** 204 (new or repeated eventId), 422 invalid, 503 under an injected outage. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(Map<String, Object> body, @HeaderParam("X-Correlation-Id") String correlationId) {
        if (outage.isDown()) {
            crm.countRefused();
            return Problems.unavailable("CRM");
        }
        FieldErrors errors = crm.validate(body);
        if (!errors.isEmpty()) {
            return Problems.unprocessable("the milestone is incomplete or malformed", errors);
        }
        crm.receive(body, correlationId);
        return Response.noContent().build();
    }
}
