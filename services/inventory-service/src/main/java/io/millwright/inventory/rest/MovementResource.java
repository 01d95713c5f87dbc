package io.millwright.inventory.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.kit.audit.OperatorActions;
import io.millwright.kit.security.RateLimited;
import io.millwright.model.security.Roles;
import io.millwright.inventory.mapping.InventoryViewMapper;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.service.MovementPosting;
import io.millwright.inventory.service.WarehouseReceipts;
import io.quarkus.panache.common.Parameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Movements", description = "WMS receipts, the movement ledger and its ERP postings (SPEC I2)")
public class MovementResource {

    @Inject
    OperatorActions actions;

    public static final String DUPLICATE_HEADER = "X-Millwright-Duplicate";

    @Inject
    WarehouseReceipts receipts;

    @Inject
    MovementPosting poster;

    @POST
    @Path("/wms/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A receipt booked by the WMS", description = "Booked as a WAREHOUSE_RECEIPT movement and posted to ERP "
            + "asynchronously. The same receiptId again is answered 202 with X-Millwright-Duplicate: true and changes nothing.")
    @APIResponse(responseCode = "202", description = "Accepted (new or duplicate)")
    @APIResponse(responseCode = "422", description = "Invalid receipt, with field errors (unknown item, wrong unit, other plant)")
    @APIResponse(responseCode = "503", description = "Items not yet replicated from ERP")
    @RolesAllowed(Roles.WMS_INTEGRATION)
    @RateLimited("wms-receipts")
    public Response receipt(@Valid @NotNull WmsReceiptRequest receipt) {
        ReceiptAccepted accepted = receipts.receive(receipt);
        return Response.accepted(accepted).header(DUPLICATE_HEADER, String.valueOf(accepted.duplicate())).build();
    }

    @GET
    @Path("/movements")
    @Transactional
    @Operation(summary = "Movement ledger", description = "Newest first, at most 200; filter by item, lot, source reference or ERP state "
            + "(PENDING, POSTED, REJECTED, NOT_POSTED).")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<Views.Movement> movements(@QueryParam("item") String item, @QueryParam("lot") String lot,
            @QueryParam("sourceReference") String sourceReference, @QueryParam("erpState") String erpState) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (item != null && !item.isBlank()) {
            query.append(" and itemId = :item");
            params.and("item", item);
        }
        if (lot != null && !lot.isBlank()) {
            query.append(" and lotId = :lot");
            params.and("lot", lot);
        }
        if (sourceReference != null && !sourceReference.isBlank()) {
            query.append(" and sourceReference = :ref");
            params.and("ref", sourceReference);
        }
        if (erpState != null && !erpState.isBlank()) {
            query.append(" and erpState = :state");
            params.and("state", MovementEntity.ErpState.valueOf(erpState));
        }
        query.append(" order by createdAt desc");
        return MovementEntity.<MovementEntity> find(query.toString(), params).page(0, 200).list().stream()
                .map(InventoryViewMapper::movement).toList();
    }

    @GET
    @Path("/movements/{movementId}")
    @Transactional
    @Operation(summary = "One movement with the state of its ERP posting")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public Views.Movement movement(@PathParam("movementId") String movementId) {
        MovementEntity movement = MovementEntity.findById(movementId);
        if (movement == null) {
            throw new NotFoundException("No movement " + movementId);
        }
        return InventoryViewMapper.movement(movement);
    }

    @POST
    @Path("/movements/{movementId}/retry")
    @Operation(summary = "Post a movement ERP rejected again", description = "For after an operator fixed the cause in ERP; "
            + "replaying the movement's dead letter does the same.")
    @APIResponse(responseCode = "202", description = "Queued for posting")
    @APIResponse(responseCode = "409", description = "Not a rejected movement")
    @RolesAllowed(Roles.OPERATOR)
    public Response retry(@PathParam("movementId") String movementId) {
        if (!poster.retry(movementId)) {
            throw new WebApplicationException("Movement " + movementId + " is not REJECTED", 409);
        }
        actions.record(OperatorActions.MOVEMENT_RETRY, movementId, "posted to ERP again");
        return Response.accepted().build();
    }
}
