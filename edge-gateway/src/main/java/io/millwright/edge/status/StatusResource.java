package io.millwright.edge.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The status page as data, for the operations console and scripts: each PLC connection's state and the reason it is
 * down, the journal's backlog and budget, the cloud link, the dead letters. Like the rest of the gateway's HTTP port,
 * for the plant network only (docs/edge-gateway.md).
 */
@Path("/api/v1/status")
public class StatusResource {

    private final GatewayStatusSource source;

    StatusResource(GatewayStatusSource source) {
        this.source = source;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public GatewayStatus status() {
        return source.snapshot();
    }
}
