package io.millwright.order.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.millwright.model.webhook.WebhookSignature;

/**
 * The CRM's milestone webhook (docs/contracts/plant-apps.md): the target URL is the webhook itself; every delivery is
 * signed ({@code Millwright-Signature}, docs/security.md).
 */
public interface CrmWebhookApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@HeaderParam(WebhookSignature.HEADER) String signature, String milestone);
}
