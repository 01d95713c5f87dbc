package io.millwright.simulators.wms.rest;

import java.util.List;
import java.util.Map;

import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.OutageRequest;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.wms.service.WmsDeliveries;
import io.millwright.simulators.wms.service.WmsService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Drives the simulated WMS: settings, stock status requests received, receipts sent, outages, reset. */
@Path("/sim/wms")
@Produces(MediaType.APPLICATION_JSON)
public class WmsAdminResource {

    @Inject
    WmsService wms;

    @Inject
    WmsDeliveries deliveries;

    @Inject
    @Named("wms")
    Outage outage;

    @GET
    @Path("/settings")
    public WmsService.Settings settings() {
        return wms.settings();
    }

    /** Changes the named settings: inventoryServiceBaseUrl, orderServiceBaseUrl, autoShip. */
    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateSettings(Map<String, Object> changes) {
        try {
            return Response.ok(wms.updateSettings(changes == null ? Map.of() : changes)).build();
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        }
    }

    @GET
    @Path("/stock-status-requests")
    public List<WmsService.StockStatusRequest> stockStatusRequests() {
        return wms.stockStatusRequests();
    }

    @GET
    @Path("/receipts")
    public List<WmsService.ReceiptSent> receipts() {
        return wms.receipts();
    }

    /** Sends one receipt to inventory-service; 200 with the send record (status = inventory-service's answer). */
    @POST
    @Path("/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    public WmsService.ReceiptSent sendReceipt(Map<String, Object> receipt) {
        return wms.sendReceipt(receipt);
    }

    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response injectFault(OutageRequest request) {
        outage.begin(request == null ? null : request.duration());
        return Response.noContent().build();
    }

    @GET
    @Path("/faults")
    public Response activeFault() {
        return outage.current().map(active -> Response.ok(active).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        outage.clear();
        return Response.noContent().build();
    }

    /** Deliveries order-service released, all or one order's, with their shipment once shipped. */
    @GET
    @Path("/deliveries")
    public List<WmsDeliveries.Delivery> deliveries(@QueryParam("orderId") String orderId) {
        return deliveries.deliveries(orderId);
    }

    /** Ships a delivery now and confirms it to order-service (again, if it was shipped before). */
    @POST
    @Path("/deliveries/{deliveryId}/ship")
    public Response ship(@PathParam("deliveryId") String deliveryId) {
        return deliveries.ship(deliveryId).map(d -> Response.ok(d).build()).orElseGet(() -> Response.status(404)
                .type(Problems.MEDIA_TYPE).entity(Map.of("status", 404, "title", "Not found", "detail", "no delivery " + deliveryId)).build());
    }

    @POST
    @Path("/reset")
    public Response reset() {
        wms.reset();
        return Response.noContent().build();
    }
}
