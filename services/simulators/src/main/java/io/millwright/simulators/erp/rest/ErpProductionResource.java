package io.millwright.simulators.erp.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.simulators.erp.service.AdminViews;
import io.millwright.simulators.erp.service.ErpSettings;
import io.millwright.simulators.erp.service.ProductionOrderReleaser;
import io.millwright.simulators.erp.service.ProductionPlanningService;
import io.millwright.simulators.erp.service.StockService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Production planning on command (create, release, announce again), the ERP's settings, and stock overwrites. */
@Path("/sim/erp")
@Produces(MediaType.APPLICATION_JSON)
public class ErpProductionResource {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** Body of {@code POST /sim/erp/production-orders}; plant defaults to 1000. */
    public record CreateProductionOrder(String itemId, BigDecimal quantity, String salesOrderNumber, String plant,
            boolean release) {
    }

    /** Body of {@code PUT /sim/erp/stock}; status defaults to UNRESTRICTED. */
    public record StockPosition(String itemId, String plant, String location, String lot, String status,
            BigDecimal quantity) {
    }

    @Inject
    ErpSettings settings;

    @Inject
    ProductionPlanningService planning;

    @Inject
    ProductionOrderReleaser releaser;

    @Inject
    StockService stock;

    @Inject
    ObjectMapper objectMapper;

    @GET
    @Path("/settings")
    public ErpSettings.View settings() {
        return settings.current();
    }

    /** Changes the settings named in the body, e.g. {@code {"autoRelease": true}}; the others stay. */
    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateSettings(Map<String, Object> changes) {
        try {
            return Response.ok(settings.update(changes == null ? Map.of() : changes)).build();
        } catch (IllegalArgumentException e) {
            return Problem.badRequest(e.getMessage());
        }
    }

    @GET
    @Path("/production-orders")
    public List<AdminViews.ProductionOrder> productionOrders() {
        return planning.list();
    }

    @GET
    @Path("/production-orders/{number}")
    public Response productionOrder(@PathParam("number") String number) {
        return planning.find(number).map(order -> Response.ok(order).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    /**
     * 201 with the order and, when {@code release} was asked for, {@code "release": {"outcome", "detail"}} of the
     * ReleaseProductionOrder call (made before this answers).
     */
    @POST
    @Path("/production-orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createProductionOrder(CreateProductionOrder request) {
        if (request == null) {
            return Problem.badRequest("body required: itemId, quantity, salesOrderNumber, plant, release");
        }
        try {
            ProductionOrderReleaser.Created created = releaser.create(request.itemId(), request.quantity(),
                    request.salesOrderNumber(), request.plant(), request.release());
            Map<String, Object> body = objectMapper.convertValue(created.order(), OBJECT);
            if (created.release() != null) {
                body.put("release", created.release());
            }
            return Response.status(Response.Status.CREATED).entity(body).build();
        } catch (IllegalArgumentException e) {
            return Problem.badRequest(e.getMessage());
        }
    }

    /** Releases the order if needed and sends ReleaseProductionOrder (again); 200 with the call's outcome. */
    @POST
    @Path("/production-orders/{number}/release")
    public Response release(@PathParam("number") String number) {
        try {
            return Response.ok(releaser.release(number)).build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(new Problem(e.getMessage())).build();
        }
    }

    @PUT
    @Path("/stock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response overwriteStock(StockPosition position) {
        if (position == null) {
            return Problem.badRequest("body required: itemId, plant, location, lot, status, quantity");
        }
        try {
            return Response.ok(stock.overwrite(position.itemId(), position.plant(), position.location(),
                    position.lot(), position.status(), position.quantity())).build();
        } catch (IllegalArgumentException e) {
            return Problem.badRequest(e.getMessage());
        }
    }
}
