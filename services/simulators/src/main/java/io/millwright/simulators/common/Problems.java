package io.millwright.simulators.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

import io.millwright.model.webhook.WebhookSignature;

/** problem+json answers of the simulated plant applications (the shape of docs/contracts/plant-apps.md). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Problem(String title, int status, String detail, List<FieldErrors.FieldError> errors) {
    }

    private Problems() {
    }

    public static Response unprocessable(String detail, FieldErrors errors) {
        return Response.status(422).type(MEDIA_TYPE)
                .entity(new Problem("Unprocessable request", 422, detail, errors.list())).build();
    }

    public static Response unavailable(String system) {
        return Response.status(503).type(MEDIA_TYPE).header("Retry-After", "5")
                .entity(new Problem("Service unavailable", 503, system + " unavailable (injected fault)", null))
                .build();
    }

    public static Response badRequest(String detail) {
        return Response.status(400).type(MEDIA_TYPE).entity(new Problem("Bad request", 400, detail, null)).build();
    }

    /** A delivery whose Millwright-Signature was refused: 409 for a replay, 401 otherwise, with the reason. */
    public static Response signatureRefused(WebhookSignature.Verification verification) {
        return verification.verdict() == WebhookSignature.Verdict.REPLAYED ? conflict(verification.reason())
                : unauthorized(verification.reason());
    }

    public static Response unauthorized(String detail) {
        return Response.status(401).type(MEDIA_TYPE).entity(new Problem("Unauthorized", 401, detail, null)).build();
    }

    public static Response conflict(String detail) {
        return Response.status(409).type(MEDIA_TYPE).entity(new Problem("Conflict", 409, detail, null)).build();
    }

    public static Response notFound(String detail) {
        return Response.status(404).type(MEDIA_TYPE).entity(new Problem("Not found", 404, detail, null)).build();
    }
}
