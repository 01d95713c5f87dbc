package io.millwright.order.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The CRM's milestone webhook (docs/contracts/plant-apps.md): the target URL is the webhook itself. */
public interface CrmWebhookApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(String milestone);
}
