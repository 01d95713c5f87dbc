package io.millwright.simulators.mes.rest;

import java.util.List;
import java.util.Map;

import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.OutageRequest;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.mes.service.Acknowledger;
import io.millwright.simulators.mes.service.ConfirmationService;
import io.millwright.simulators.mes.service.MesReset;
import io.millwright.simulators.mes.service.MesSettings;
import io.millwright.simulators.mes.service.WorkOrderService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Drives the simulated MES: settings, received work orders, acknowledgements, confirmations, outages, reset. */
@Path("/sim/mes")
@Produces(MediaType.APPLICATION_JSON)
public class MesAdminResource {

    /** Body of {@code POST /sim/mes/confirmations/resend}. */
    public record Resend(List<String> confirmationIds, Integer times, Boolean reverseOrder) {
    }

    @Inject
    MesSettings settings;

    @Inject
    WorkOrderService workOrders;

    @Inject
    Acknowledger acknowledger;

    @Inject
    ConfirmationService confirmations;

    @Inject
    @Named("mes")
    Outage outage;

    @Inject
    MesReset reset;

    @GET
    @Path("/settings")
    public MesSettings.View settings() {
        return settings.current();
    }

    /** Changes the named settings: productionServiceBaseUrl, autoAcknowledge, ackDelayMs. */
    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateSettings(Map<String, Object> changes) {
        try {
            return Response.ok(settings.update(changes == null ? Map.of() : changes)).build();
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        }
    }

    @GET
    @Path("/work-orders")
    public List<WorkOrderService.WorkOrder> workOrders() {
        return workOrders.list();
    }

    @GET
    @Path("/work-orders/{productionOrderId}")
    public Response workOrder(@PathParam("productionOrderId") String productionOrderId) {
        return workOrders.find(productionOrderId).map(order -> Response.ok(order).build())
                .orElseGet(() -> Problems.notFound("no work order for production order " + productionOrderId));
    }

    /** Acknowledges now (one attempt): 200 {@code {"status": <answer of production-service, 0 = unreachable>}}. */
    @POST
    @Path("/work-orders/{productionOrderId}/acknowledge")
    public Response acknowledge(@PathParam("productionOrderId") String productionOrderId) {
        try {
            return Response.ok(Map.of("status", acknowledger.acknowledgeNow(productionOrderId))).build();
        } catch (IllegalArgumentException e) {
            return Problems.notFound(e.getMessage());
        }
    }

    @GET
    @Path("/confirmations")
    public List<ConfirmationService.Sent> confirmations() {
        return confirmations.list();
    }

    /** Sends one confirmation to production-service; 200 with the send record (its status is production-service's answer). */
    @POST
    @Path("/confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfirmationService.Sent sendConfirmation(Map<String, Object> confirmation) {
        return confirmations.send(confirmation);
    }

    @POST
    @Path("/confirmations/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resend(Resend request) {
        try {
            return Response.ok(confirmations.resend(request == null ? null : request.confirmationIds(),
                    request == null || request.times() == null ? 1 : request.times(),
                    request != null && Boolean.TRUE.equals(request.reverseOrder()))).build();
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage());
        }
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

    @POST
    @Path("/reset")
    public Response reset() {
        reset.reset();
        return Response.noContent().build();
    }
}
