package io.millwright.simulators.erp.rest;

import io.millwright.simulators.erp.fault.FaultInjector;
import io.millwright.simulators.erp.fault.FaultSpec;
import io.millwright.simulators.erp.service.ErpOperations;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Fault injection on command: what the simulated ERP does wrong next. */
@Path("/sim/erp/faults")
@Produces(MediaType.APPLICATION_JSON)
public class ErpFaultResource {

    @Inject
    FaultInjector faults;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response inject(FaultSpec spec) {
        try {
            faults.activate(spec, ErpOperations.ALL);
            return Response.noContent().build();
        } catch (IllegalArgumentException e) {
            return Problem.badRequest(e.getMessage());
        }
    }

    @GET
    public Response active() {
        return faults.current().map(fault -> Response.ok(fault).build()).orElseGet(() -> Response.noContent().build());
    }

    @DELETE
    public Response clear() {
        faults.clear();
        return Response.noContent().build();
    }
}
