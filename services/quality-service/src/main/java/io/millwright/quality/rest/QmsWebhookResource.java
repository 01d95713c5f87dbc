package io.millwright.quality.rest;

import java.net.URI;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.kit.webhook.IncomingWebhooks;
import io.millwright.model.webhook.WebhookSignature;
import io.millwright.quality.result.QmsResultRequest;
import io.millwright.quality.result.QualityResults;

/**
 * Q1: the QMS/LIMS posts inspection results here, signed like every webhook of the platform
 * ({@code Millwright-Signature}, HMAC-SHA256 with the secret {@code millwright.kit.webhooks.qms.secret}): the signature
 * is the authentication, checked on the raw body before anything is read or stored.
 */
@Path("/webhooks/qms")
@Tag(name = "QMS webhook", description = "Inspection results from the QMS/LIMS, signed (SPEC Q1)")
public class QmsWebhookResource {

    @Inject
    IncomingWebhooks webhooks;

    @Inject
    QualityResults results;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @POST
    @Path("/results")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An inspection result", description = "Stored once by resultId and applied to its lot: a FAIL holds the lot's "
            + "stock in the ERP and the WMS. A result for a lot no production confirmation has named yet is kept (PENDING) and applied "
            + "when the lot appears. The same result again answers 200 with what became of it; the same id with other content 409.")
    @APIResponse(responseCode = "201", description = "Recorded: APPLIED, or PENDING until its lot is known")
    @APIResponse(responseCode = "200", description = "Received before (header X-Millwright-Duplicate: true)")
    @APIResponse(responseCode = "401", description = "Missing, wrong or stale signature")
    @APIResponse(responseCode = "409", description = "A replayed delivery, or the result id with other content")
    @APIResponse(responseCode = "422", description = "Invalid result, with field errors")
    public Response result(@HeaderParam(WebhookSignature.HEADER) String signature, String body) throws Exception {
        webhooks.verify(QualityResults.SOURCE_QMS, signature, body);
        QmsResultRequest request = json.readValue(body, QmsResultRequest.class);
        if (request == null) {
            throw new jakarta.ws.rs.BadRequestException("The body is empty: an inspection result is expected");
        }
        Set<ConstraintViolation<QmsResultRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        QualityResults.Receipt receipt;
        try {
            receipt = results.receive(request, QualityResults.SOURCE_QMS);
        } catch (QualityResults.ConflictingResultException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
        return Response.status(receipt.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/api/v1/lots/" + receipt.lotId() + "/quality"))
                .header("X-Millwright-Duplicate", String.valueOf(receipt.duplicate()))
                .entity(receipt).build();
    }
}
