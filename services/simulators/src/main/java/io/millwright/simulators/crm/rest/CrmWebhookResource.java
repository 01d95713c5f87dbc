package io.millwright.simulators.crm.rest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.model.webhook.SeenDeliveries;
import io.millwright.model.webhook.WebhookSignature;
import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.crm.service.CrmService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The CRM's order milestone webhook (docs/contracts/plant-apps.md): order-service reports milestones here. With a
 * secret configured ({@code millwright.sim.crm.webhook-secret}), as a real CRM would, every delivery must carry a valid
 * {@code Millwright-Signature} (docs/security.md): a wrong, stale or missing one is answered 401, a replayed delivery
 * 409, and recorded as a rejection.
 */
@Path("/crm/api/v1/order-milestones")
@Produces(MediaType.APPLICATION_JSON)
public class CrmWebhookResource {

    private static final SeenDeliveries SEEN = new SeenDeliveries();

    @Inject
    @Named("crm")
    Outage outage;

    @Inject
    CrmService crm;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "millwright.sim.crm.webhook-secret")
    Optional<String> secret;

    /** 204 (new or repeated eventId), 401/409 signature refused, 400 not JSON, 422 invalid, 503 under an injected outage. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(String raw, @HeaderParam("X-Correlation-Id") String correlationId,
            @HeaderParam(WebhookSignature.HEADER) String signature, @HeaderParam("traceparent") String traceparent) {
        if (outage.isDown()) {
            crm.countRefused();
            return Problems.unavailable("CRM");
        }
        if (secret.filter(s -> !s.isBlank()).isPresent()) {
            WebhookSignature.Verification verification = WebhookSignature.verify(secret.get(), signature, raw, Instant.now(),
                    WebhookSignature.DEFAULT_WINDOW, SEEN);
            if (!verification.valid()) {
                crm.reject(verification.verdict().name(), verification.reason());
                return Problems.signatureRefused(verification);
            }
        }
        Map<String, Object> body;
        try {
            body = mapper.readValue(raw, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            return Problems.badRequest("the body is not a JSON object: " + e.getOriginalMessage());
        }
        FieldErrors errors = crm.validate(body);
        if (!errors.isEmpty()) {
            return Problems.unprocessable("the milestone is incomplete or malformed", errors);
        }
        crm.receive(body, correlationId, traceparent);
        return Response.noContent().build();
    }
}
