package io.millwright.inventory.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.kit.audit.OperatorActions;
import io.millwright.kit.security.RateLimited;
import io.millwright.model.security.Roles;
import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.mapping.InventoryViewMapper;
import io.millwright.inventory.persistence.HoldEntity;
import io.millwright.inventory.service.HoldCommand;
import io.millwright.inventory.service.HoldService;
import io.quarkus.narayana.jta.QuarkusTransaction;

@Path("/api/v1/holds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Holds", description = "Quality holds and releases, reflected in ERP and the WMS (SPEC I3)")
public class HoldResource {

    @Inject
    HoldService holds;

    @Inject
    InventoryConfig config;

    @Inject
    OperatorActions actions;

    @POST
    @Operation(summary = "Hold a lot", description = "Moves the lot's UNRESTRICTED stock (every location; ERP holds whole lots) to "
            + "QUALITY_HOLD now and sends the change to ERP and the WMS asynchronously, each exactly once. The same holdId again "
            + "returns the hold (200, X-Millwright-Duplicate: true).")
    @APIResponse(responseCode = "201", description = "Hold placed")
    @APIResponse(responseCode = "200", description = "Already placed: the existing hold")
    @APIResponse(responseCode = "404", description = "No stock of the lot is known to inventory")
    @APIResponse(responseCode = "409", description = "holdId already used for another lot")
    @APIResponse(responseCode = "422", description = "Invalid request, with field errors")
    @RolesAllowed({Roles.OPERATOR, Roles.QMS_INTEGRATION})
    @RateLimited("holds")
    public Response place(@Valid @NotNull HoldRequest request) {
        String plant = request.plantId() == null ? config.plantId() : request.plantId();
        HoldService.Result result = holds.place(new HoldCommand(request.holdId(), plant,
                List.of(new HoldCommand.LotRef(request.itemId(), request.lotId())), request.locationId(), request.reason(),
                HoldCommand.SOURCE_REST));
        if (result.created()) {
            actions.record(OperatorActions.HOLD_PLACE, request.holdId(), "item " + request.itemId() + " lot " + request.lotId()
                    + (request.locationId() == null ? "" : " at " + request.locationId()) + ": " + request.reason());
        }
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/api/v1/holds/" + request.holdId()))
                .header(MovementResource.DUPLICATE_HEADER, String.valueOf(!result.created()))
                .entity(view(request.holdId()))
                .build();
    }

    @POST
    @Path("/{holdId}/release")
    @Operation(summary = "Release a hold", description = "Moves the held stock back to UNRESTRICTED (unless another active hold "
            + "covers the lot) and sends the change to ERP and the WMS. Releasing again changes nothing.")
    @APIResponse(responseCode = "200", description = "Released (now or before)")
    @APIResponse(responseCode = "404", description = "No such hold")
    @RolesAllowed({Roles.OPERATOR, Roles.QMS_INTEGRATION})
    @RateLimited("holds")
    public Response release(@PathParam("holdId") String holdId, @Valid ReleaseRequest request) {
        HoldService.Result result = holds.release(holdId, request == null ? null : request.reason());
        if (result.created()) {
            actions.record(OperatorActions.HOLD_RELEASE, holdId, request == null || request.reason() == null ? null : request.reason());
        }
        return Response.ok(view(holdId)).header(MovementResource.DUPLICATE_HEADER, String.valueOf(!result.created())).build();
    }

    @GET
    @Path("/{holdId}")
    @Operation(summary = "A hold, its lots and where its ERP and WMS requests stand")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.QMS_INTEGRATION})
    public Views.Hold get(@PathParam("holdId") String holdId) {
        holds.find(holdId);
        return view(holdId);
    }

    private static Views.Hold view(String holdId) {
        return QuarkusTransaction.requiringNew().call(() -> InventoryViewMapper.hold(HoldEntity.findById(holdId)));
    }
}
