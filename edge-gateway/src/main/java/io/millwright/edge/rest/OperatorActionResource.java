package io.millwright.edge.rest;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.millwright.edge.audit.OperatorActionLog;
import io.millwright.edge.audit.OperatorActionLog.OperatorAction;

/** Who replayed or discarded which of this gateway's dead letters, newest first (the services' path and shape). */
@Path("/api/v1/operator-actions")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorActionResource {

    private final OperatorActionLog log;

    OperatorActionResource(OperatorActionLog log) {
        this.log = log;
    }

    @GET
    public List<OperatorAction> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return log.latest(Math.max(1, Math.min(limit, 1000)));
    }
}
