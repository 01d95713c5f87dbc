package io.millwright.simulators.qms.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.JsonPoster;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.qms.service.QmsService;

/** Drives the simulated QMS/LIMS: where quality-service is, results and usage decisions to send, cases received. */
@Path("/sim/qms")
@Produces(MediaType.APPLICATION_JSON)
public class QmsAdminResource {

    public record Settings(String qualityServiceBaseUrl) {
    }

    public record Decision(String lotId, String decision, String code, String reason) {
    }

    @Inject
    QmsService qms;

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response configure(Settings settings) {
        if (settings == null || settings.qualityServiceBaseUrl() == null || settings.qualityServiceBaseUrl().isBlank()) {
            FieldErrors errors = new FieldErrors();
            errors.add("qualityServiceBaseUrl", "is required");
            return Problems.unprocessable("qualityServiceBaseUrl is required", errors);
        }
        qms.configure(settings.qualityServiceBaseUrl());
        return Response.ok(Map.of("qualityServiceBaseUrl", settings.qualityServiceBaseUrl())).build();
    }

    /** Sends a result now (any lot, known to Millwright or not); answers what quality-service said. */
    @POST
    @Path("/results")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(QmsService.ResultCommand command) {
        FieldErrors errors = new FieldErrors();
        if (command == null || command.lotId() == null || command.lotId().isBlank()) {
            errors.add("lotId", "is required");
        }
        if (command == null || !"PASS".equals(command.verdict()) && !"FAIL".equals(command.verdict())) {
            errors.add("verdict", "must be PASS or FAIL");
        }
        if (!errors.isEmpty()) {
            return Problems.unprocessable("not a result to send", errors);
        }
        return sent(() -> qms.send(command));
    }

    /** Sends a result again, byte for byte, as a new delivery. */
    @POST
    @Path("/results/{resultId}/resend")
    public Response resend(@PathParam("resultId") String resultId) {
        return sent(() -> qms.resend(resultId).orElseThrow(() -> new IllegalArgumentException("no result " + resultId + " was sent")));
    }

    /** Sends a usage decision for a lot (as client qms); answers what quality-service said. */
    @POST
    @Path("/usage-decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decide(Decision decision) {
        if (decision == null || decision.lotId() == null || decision.decision() == null) {
            FieldErrors errors = new FieldErrors();
            errors.add(decision == null || decision.lotId() == null ? "lotId" : "decision", "is required");
            return Problems.unprocessable("lotId and decision are required", errors);
        }
        try {
            JsonPoster.Answer answer = qms.decide(decision.lotId(), decision.decision(), decision.code(), decision.reason());
            return Response.ok(Map.of("status", answer.status(), "answer", answer.status() == 0 ? answer.summary() : answer.body())).build();
        } catch (IllegalStateException e) {
            return Problems.conflict(e.getMessage());
        }
    }

    @GET
    @Path("/results")
    public List<QmsService.Sent> sentResults() {
        return qms.sent();
    }

    @GET
    @Path("/cases")
    public List<QmsService.CaseView> cases(@QueryParam("lotId") String lotId) {
        return qms.cases(lotId);
    }

    @POST
    @Path("/reset")
    public Response reset() {
        qms.reset();
        return Response.noContent().build();
    }

    private static Response sent(java.util.function.Supplier<QmsService.Sent> send) {
        try {
            return Response.ok(send.get()).build();
        } catch (IllegalStateException e) {
            return Problems.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            return Response.status(404).type(Problems.MEDIA_TYPE).entity(Map.of("status", 404, "title", "Not found", "detail", e.getMessage()))
                    .build();
        }
    }
}
