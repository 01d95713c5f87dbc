package io.millwright.quality.rest;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.millwright.model.security.Roles;
import io.millwright.quality.hold.WindowHolds;

@Path("/api/v1/holds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Window holds", description = "Hold every lot made on a resource between two times (SPEC Q4, maintenance's M5)")
public class HoldResource {

    /** "Every lot made on resource R between t1 and t2"; holdId makes the request idempotent. */
    public record WindowHoldRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only") String holdId,
            @Size(max = 20) String plantId,
            @NotBlank @Size(max = 50) String resourceId,
            @NotNull Instant from,
            @NotNull Instant to,
            @NotBlank @Size(max = 500) String reason,
            @Size(max = 80) String incidentId) {

        @AssertTrue(message = "to must not be before from")
        @JsonIgnore
        public boolean isWindowInOrder() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    @Inject
    WindowHolds windowHolds;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hold every lot made on a resource in a time window", description = "The lots come from the genealogy: "
            + "the production orders worked on the resource at any time inside [from, to] (an order worked partly inside counts) and "
            + "the lots they produced. Each lot gets its own hold (<holdId>:<lot>), applied in the ERP and the WMS by inventory-service "
            + "and released by that lot's usage decision. The answer lists the lots the request covered (possibly none). The same "
            + "holdId again answers 200 with the same hold; with other criteria 409.")
    @APIResponse(responseCode = "201", description = "Placed: the lots it covered")
    @APIResponse(responseCode = "200", description = "Requested before with the same criteria")
    @APIResponse(responseCode = "409", description = "holdId used before for other criteria")
    @APIResponse(responseCode = "422", description = "Invalid request, with field errors")
    @RolesAllowed({Roles.OPERATOR, Roles.EAM_INTEGRATION})
    public Response place(@Valid @NotNull WindowHoldRequest request) {
        try {
            WindowHolds.Outcome outcome = windowHolds.request(request.holdId(), request.plantId(), request.resourceId(), request.from(),
                    request.to(), request.reason(), request.incidentId());
            return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                    .location(URI.create("/api/v1/holds/" + request.holdId())).header("X-Millwright-Duplicate", String.valueOf(!outcome.created()))
                    .entity(outcome.hold()).build();
        } catch (WindowHolds.ConflictingRequestException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    @GET
    @Path("/{holdId}")
    @Operation(summary = "A window hold", description = "Its criteria and the lots it covered, each with its own hold id.")
    @APIResponse(responseCode = "200", description = "The window hold")
    @APIResponse(responseCode = "404", description = "No such window hold")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.EAM_INTEGRATION, Roles.QMS_INTEGRATION})
    @jakarta.transaction.Transactional
    public WindowHolds.WindowHold get(@PathParam("holdId") String holdId) {
        return windowHolds.get(holdId).orElseThrow(() -> new NotFoundException("No window hold " + holdId));
    }
}
