package io.millwright.production.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.model.security.Roles;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.service.ProductionQueries;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Production orders", description = "Released production orders, their MES dispatch, confirmations and timeline (SPEC P1-P4)")
public class ProductionOrderResource {

    @Inject
    ProductionQueries queries;

    @GET
    @Path("/production-orders")
    @Operation(summary = "List production orders, newest first", description = "status: one of RELEASED, DISPATCHED, ACKNOWLEDGED, "
            + "IN_PROGRESS, CLOSED, DISPATCH_REJECTED, or UNACKNOWLEDGED (dispatched longer than the ack timeout without an MES acknowledgement)")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<ProductionOrderView> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && !status.isBlank() && !"UNACKNOWLEDGED".equalsIgnoreCase(status)
                && Arrays.stream(OrderStatus.values()).noneMatch(s -> s.name().equalsIgnoreCase(status))) {
            throw new BadRequestException("Unknown status " + status + "; use one of " + Arrays.toString(OrderStatus.values())
                    + " or UNACKNOWLEDGED");
        }
        return queries.orders(status, Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("/production-orders/{id}")
    @Operation(summary = "A production order: status, MES dispatch, operations and confirmations summary")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public ProductionOrderView get(@PathParam("id") String id) {
        return queries.order(id).orElseThrow(() -> new NotFoundException("No production order " + id));
    }

    @GET
    @Path("/production-orders/{id}/timeline")
    @Operation(summary = "Every step of a production order, with correlation and trace ids")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<TimelineView> timeline(@PathParam("id") String id) {
        return queries.timeline(id).orElseThrow(() -> new NotFoundException("No production order " + id));
    }

    @GET
    @Path("/resources/{id}/active-work-order")
    @Operation(summary = "The work order a resource is on", description = "Among dispatched, not closed orders with an unfinished "
            + "operation on the resource: the one with the latest confirmation there, else the one dispatched first. 404 when none.")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.MES_INTEGRATION})
    public ActiveWorkOrderView activeWorkOrder(@PathParam("id") String resourceId) {
        return queries.activeWorkOrder(resourceId).orElseThrow(() -> new NotFoundException("No active work order on resource " + resourceId));
    }

    @GET
    @Path("/resources/{id}/work-orders")
    @Operation(summary = "The work orders on a resource", description = "Every released or dispatched, not closed order with an unfinished "
            + "operation on the resource: the one it is on (active, as in active-work-order) first, then those waiting for it in release "
            + "order. Maintenance marks their sales orders at risk while the resource is down. Empty when none.")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.MES_INTEGRATION})
    public List<ResourceWorkOrderView> workOrders(@PathParam("id") String resourceId) {
        return queries.workOrders(resourceId);
    }

    @GET
    @Path("/status")
    @Operation(summary = "The flow at a glance: orders per status, waiting for dispatch, unacknowledged work orders, open confirmations")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public StatusView status() {
        return queries.status();
    }
}
