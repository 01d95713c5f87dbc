package io.millwright.production.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.security.RateLimited;
import io.millwright.model.security.Roles;
import io.millwright.production.mapping.MesAcknowledgementRequest;
import io.millwright.production.mapping.MesConfirmationRequest;
import io.millwright.production.service.ConfirmationIntake;
import io.millwright.production.service.DispatchAcknowledgements;

/** What the MES sends us (docs/contracts/plant-apps.md): work order acknowledgements and confirmations. */
@Path("/api/v1/mes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "MES", description = "Acknowledgements and confirmations from the MES (SPEC P2, P3)")
public class MesResource {

    public static final String DUPLICATE_HEADER = "X-Millwright-Duplicate";

    public record Accepted(String confirmationId, boolean duplicate) {
    }

    @Inject
    DispatchAcknowledgements acknowledgements;

    @Inject
    ConfirmationIntake confirmations;

    @POST
    @Path("/acknowledgements")
    @Operation(summary = "The MES acknowledges a work order", description = "Recorded once; a repeat is answered 204 as well.")
    @APIResponse(responseCode = "204", description = "Recorded (or already recorded)")
    @APIResponse(responseCode = "404", description = "Unknown production order")
    @APIResponse(responseCode = "422", description = "Invalid body, with field errors")
    @RolesAllowed(Roles.MES_INTEGRATION)
    @RateLimited("mes")
    public Response acknowledge(@Valid @NotNull MesAcknowledgementRequest request) {
        if (!acknowledgements.acknowledge(request)) {
            throw new NotFoundException("No production order " + request.productionOrderId());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/confirmations")
    @Operation(summary = "A confirmation from the MES (YIELD, SCRAP, CONSUMPTION, LABOUR)",
            description = "Stored as received and processed asynchronously: checked against the order, enriched with lot and shift, "
                    + "posted to ERP exactly once. A confirmation that is wrong for the order ends in the dead-letter store.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MesConfirmationRequest.class)))
    @APIResponse(responseCode = "202", description = "Stored (new, or a duplicate with X-Millwright-Duplicate: true)")
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "422", description = "Structurally invalid, with field errors")
    @RolesAllowed(Roles.MES_INTEGRATION)
    @RateLimited("mes")
    public Response confirm(String body) throws JsonProcessingException {
        ConfirmationIntake.Result result = confirmations.receive(body);
        return Response.accepted(new Accepted(result.confirmationId(), result.duplicate()))
                .header(DUPLICATE_HEADER, String.valueOf(result.duplicate()))
                .build();
    }
}
