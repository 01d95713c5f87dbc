package io.millwright.simulators.eam.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.model.common.StorableText;
import io.millwright.model.webhook.SeenDeliveries;
import io.millwright.model.webhook.WebhookSignature;
import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.JsonPoster;
import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.eam.service.EamService;

/**
 * The EAM's work request API (docs/contracts/plant-apps.md): maintenance-service raises a work request per incident
 * and reports its progress, every call signed with the shared secret when one is configured
 * ({@code millwright.sim.eam.webhook-secret}). Idempotent by Millwright's {@code externalId}: 201 with the EAM's
 * {@code workRequestId} the first time, 200 with the same ids (X-Millwright-Duplicate: true) afterwards. 503 while an
 * injected outage lasts, before anything else is looked at.
 */
@Path("/eam/api/v1/work-requests")
@Produces(MediaType.APPLICATION_JSON)
public class EamWorkRequestResource {

    private static final SeenDeliveries SEEN = new SeenDeliveries();

    private static final String TRACEPARENT = "traceparent";

    @Inject
    EamService eam;

    @Inject
    @Named("eam")
    Outage outage;

    @Inject
    ObjectMapper mapper;

    /** 201/200 as above, 401/409 signature refused, 400 not a JSON object, 422 invalid, 503 outage. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(String raw, @HeaderParam(WebhookSignature.HEADER) String signature, @HeaderParam(TRACEPARENT) String traceparent) {
        Optional<Response> refused = refusal(raw, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> body = object(raw);
        if (body == null) {
            return Problems.badRequest("the body is not a JSON object");
        }
        FieldErrors errors = eam.validateWorkRequest(body);
        if (!errors.isEmpty()) {
            return Problems.unprocessable("the work request is incomplete or malformed", errors);
        }
        EamService.Receipt receipt = eam.open(body, traceparent);
        return Response.status(receipt.created() ? Response.Status.CREATED : Response.Status.OK)
                .header(JsonPoster.DUPLICATE_HEADER, String.valueOf(!receipt.created()))
                .entity(answer(receipt.workRequest()))
                .build();
    }

    /** 200 with the new status, 404 unknown externalId, 401/409 signature refused, 400 not a JSON object, 422 invalid, 503 outage. */
    @PUT
    @Path("/{externalId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateStatus(@PathParam("externalId") String externalId, String raw, @HeaderParam(WebhookSignature.HEADER) String signature,
            @HeaderParam(TRACEPARENT) String traceparent) {
        Optional<Response> refused = refusal(raw, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (externalId.indexOf('\0') >= 0) {
            return Problems.badRequest("the externalId in the path " + StorableText.NUL_MESSAGE);
        }
        Map<String, Object> body = object(raw);
        if (body == null) {
            return Problems.badRequest("the body is not a JSON object");
        }
        FieldErrors errors = eam.validateStatusUpdate(body);
        if (!errors.isEmpty()) {
            return Problems.unprocessable("the status update is incomplete or malformed", errors);
        }
        return eam.updateStatus(externalId, body, traceparent)
                .map(request -> Response.ok(answer(request)).build())
                .orElseGet(() -> Problems.notFound("no work request with externalId " + externalId));
    }

    /** 503 during an outage (counted), then the signature when a secret is configured. */
    private Optional<Response> refusal(String raw, String signature) {
        if (outage.isDown()) {
            eam.countRefused();
            return Optional.of(Problems.unavailable("EAM"));
        }
        if (eam.secret().isPresent()) {
            WebhookSignature.Verification verification = WebhookSignature.verify(eam.secret().get(), signature, raw, Instant.now(),
                    WebhookSignature.DEFAULT_WINDOW, SEEN);
            if (!verification.valid()) {
                return Optional.of(Problems.signatureRefused(verification));
            }
        }
        return Optional.empty();
    }

    /** The body as a JSON object, or null when it is none (not JSON, an array, a bare value, empty). */
    private Map<String, Object> object(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(raw, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Map<String, Object> answer(EamService.WorkRequest request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("externalId", request.externalId());
        answer.put("workRequestId", request.workRequestId());
        answer.put("status", request.status());
        return answer;
    }
}
