package io.millwright.simulators.wms.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.wms.service.WmsService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The WMS's stock status API (docs/contracts/plant-apps.md): inventory-service asks for holds and releases here. */
@Path("/wms/api/v1/stock-status")
@Produces(MediaType.APPLICATION_JSON)
public class WmsStockStatusResource {

    @Inject
    @Named("wms")
    Outage outage;

    @Inject
    WmsService wms;

    /** 200 {@code {"requestId", "duplicate"}}, 422 invalid, 503 under an injected outage. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(Map<String, Object> body, @HeaderParam("X-Correlation-Id") String correlationId) {
        if (outage.isDown()) {
            return Problems.unavailable("WMS");
        }
        FieldErrors errors = wms.validateStockStatus(body);
        if (!errors.isEmpty()) {
            return Problems.unprocessable("the stock status request is incomplete or malformed", errors);
        }
        boolean duplicate = wms.receiveStockStatus(body, correlationId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", body.get("requestId"));
        answer.put("duplicate", duplicate);
        return Response.ok(answer).build();
    }
}
