package io.millwright.inventory.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.model.security.Roles;
import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.mapping.InventoryViewMapper;
import io.millwright.inventory.persistence.BalanceEntity;
import io.millwright.inventory.service.Availability;
import io.quarkus.panache.common.Parameters;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock", description = "Availability and balances (SPEC I1)")
public class InventoryResource {

    @Inject
    Availability availability;

    @Inject
    InventoryConfig config;

    @GET
    @Path("/availability")
    @Operation(summary = "Unrestricted stock of an item against a requested quantity",
            description = "Counts UNRESTRICTED stock only (held and blocked stock cannot be promised). One indexed query on local "
                    + "balances: no call to ERP. plant defaults to the service's plant.")
    @APIResponse(responseCode = "200", description = "Availability")
    @APIResponse(responseCode = "404", description = "Unknown item")
    @APIResponse(responseCode = "422", description = "Missing or non-positive qty, missing item")
    @APIResponse(responseCode = "503", description = "Items not yet replicated from ERP")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public AvailabilityView availability(@QueryParam("item") String item, @QueryParam("qty") String qty,
            @QueryParam("plant") String plant) {
        return availability.check(item, qty, plant);
    }

    @GET
    @Path("/balances")
    @Transactional
    @Operation(summary = "Balances per item/lot/location/status", description = "Filters are optional; zero balances are left out "
            + "unless includeZero=true.")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<Views.Balance> balances(@QueryParam("item") String item, @QueryParam("lot") String lot,
            @QueryParam("location") String location, @QueryParam("plant") String plant, @QueryParam("status") String status,
            @QueryParam("includeZero") boolean includeZero) {
        StringBuilder query = new StringBuilder("plantId = :plant");
        Parameters params = Parameters.with("plant", plant == null || plant.isBlank() ? config.plantId() : plant);
        if (item != null && !item.isBlank()) {
            query.append(" and itemId = :item");
            params.and("item", item);
        }
        if (lot != null && !lot.isBlank()) {
            query.append(" and lotId = :lot");
            params.and("lot", lot);
        }
        if (location != null && !location.isBlank()) {
            query.append(" and locationId = :location");
            params.and("location", location);
        }
        if (status != null && !status.isBlank()) {
            query.append(" and status = :status");
            params.and("status", io.millwright.model.inventory.StockStatus.valueOf(status));
        }
        if (!includeZero) {
            query.append(" and quantity > 0");
        }
        query.append(" order by itemId, lotId, locationId, status");
        return BalanceEntity.<BalanceEntity> list(query.toString(), params).stream().map(InventoryViewMapper::balance).toList();
    }
}
