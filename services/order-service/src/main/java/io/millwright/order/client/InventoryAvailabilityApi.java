package io.millwright.order.client;

import java.math.BigDecimal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** inventory-service's availability API (I1). */
@Path("/api/v1/availability")
public interface InventoryAvailabilityApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode availability(@QueryParam("item") String itemId, @QueryParam("qty") BigDecimal quantity, @QueryParam("plant") String plant);
}
