package io.millwright.simulators.crm.rest;

import java.util.List;
import java.util.Map;

import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.OutageRequest;
import io.millwright.simulators.crm.service.CrmService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Drives the simulated CRM: milestones received, outages, reset. */
@Path("/sim/crm")
@Produces(MediaType.APPLICATION_JSON)
public class CrmAdminResource {

    @Inject
    CrmService crm;

    @Inject
    @Named("crm")
    Outage outage;

    /** Milestones received (one row per eventId, with {@code deliveries}), all or those of one CRM order. */
    @GET
    @Path("/milestones")
    public List<CrmService.Milestone> milestones(@QueryParam("crmOrderId") String crmOrderId) {
        return crm.milestones(crmOrderId);
    }

    /** Deliveries refused for their signature (bad, stale, missing or replayed), oldest first. */
    @GET
    @Path("/rejections")
    public List<CrmService.Rejection> rejections() {
        return crm.rejections();
    }

    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response injectFault(OutageRequest request) {
        outage.begin(request == null ? null : request.duration());
        return Response.noContent().build();
    }

    /** The active outage (200, with {@code refused}: deliveries answered 503 since the reset) or 204 when none. */
    @GET
    @Path("/faults")
    public Response activeFault() {
        return outage.current()
                .map(active -> Response.ok(Map.of("since", active.since(), "until",
                        active.until() == null ? "cleared" : active.until(), "refused", crm.refused())).build())
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
        crm.reset();
        return Response.noContent().build();
    }
}
