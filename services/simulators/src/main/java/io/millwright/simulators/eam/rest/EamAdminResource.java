package io.millwright.simulators.eam.rest;

import java.util.List;
import java.util.Map;

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

import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.OutageRequest;
import io.millwright.simulators.eam.service.EamService;

/** Drives the simulated EAM/CMMS: work requests received with their status history, outages, reset. */
@Path("/sim/eam")
@Produces(MediaType.APPLICATION_JSON)
public class EamAdminResource {

    @Inject
    EamService eam;

    @Inject
    @Named("eam")
    Outage outage;

    /** Work requests received (one row per externalId, with {@code deliveries} and {@code statusUpdates}), oldest first. */
    @GET
    @Path("/work-requests")
    public List<EamService.WorkRequest> workRequests(@QueryParam("assetId") String assetId, @QueryParam("externalId") String externalId) {
        return eam.workRequests(assetId, externalId);
    }

    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response injectFault(OutageRequest request) {
        outage.begin(request == null ? null : request.duration());
        return Response.noContent().build();
    }

    /** The active outage (200, with {@code refused}: requests answered 503 since the reset) or 204 when none. */
    @GET
    @Path("/faults")
    public Response activeFault() {
        return outage.current()
                .map(active -> Response.ok(Map.of("since", active.since(), "until",
                        active.until() == null ? "cleared" : active.until(), "refused", eam.refused())).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        outage.clear();
        return Response.noContent().build();
    }

    /** Forgets every work request and its history, no outage. */
    @POST
    @Path("/reset")
    public Response reset() {
        eam.reset();
        return Response.noContent().build();
    }
}
