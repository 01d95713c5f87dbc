package io.millwright.simulators.qms.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.model.webhook.SeenDeliveries;
import io.millwright.model.webhook.WebhookSignature;
import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.JsonPoster;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.qms.service.QmsService;

/**
 * The QMS's quality case API (docs/contracts/plant-apps.md): quality-service opens a case per failed result, signed
 * with the shared secret. Idempotent by Millwright's {@code caseId}: 201 with the QMS's {@code qmsCaseId} the first
 * time, 200 with the same case (X-Millwright-Duplicate: true) afterwards.
 */
@Path("/qms/api/v1/quality-cases")
@Produces(MediaType.APPLICATION_JSON)
public class QmsCaseResource {

    private static final SeenDeliveries SEEN = new SeenDeliveries();

    @Inject
    QmsService qms;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(String raw, @HeaderParam(WebhookSignature.HEADER) String signature) {
        if (qms.secret().isPresent()) {
            WebhookSignature.Verification verification = WebhookSignature.verify(qms.secret().get(), signature, raw, Instant.now(),
                    WebhookSignature.DEFAULT_WINDOW, SEEN);
            if (!verification.valid()) {
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
        FieldErrors errors = new FieldErrors();
        if (!(body.get("caseId") instanceof String id) || id.isBlank()) {
            errors.add("caseId", "is required");
        }
        if (!(body.get("title") instanceof String title) || title.isBlank()) {
            errors.add("title", "is required");
        }
        if (!(body.get("lotIds") instanceof List<?> lots) || lots.isEmpty() || !lots.stream().allMatch(String.class::isInstance)) {
            errors.add("lotIds", "must be a non-empty list of lot ids");
        }
        if (!errors.isEmpty()) {
            return Problems.unprocessable("the quality case is incomplete or malformed", errors);
        }
        QmsService.CaseReceipt receipt = qms.openCase(body);
        return Response.status(receipt.created() ? Response.Status.CREATED : Response.Status.OK)
                .header(JsonPoster.DUPLICATE_HEADER, String.valueOf(!receipt.created()))
                .entity(Map.of("caseId", receipt.qualityCase().caseId(), "qmsCaseId", receipt.qualityCase().qmsCaseId(), "status", "OPEN"))
                .build();
    }
}
