package io.millwright.simulators.mes.rest;

import java.util.Map;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.mes.service.Acknowledger;
import io.millwright.simulators.mes.service.WorkOrderService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The MES's dispatch API (docs/contracts/plant-apps.md): production-service sends work orders here. */
@Path("/mes/api/v1/work-orders")
@Produces(MediaType.APPLICATION_JSON)
public class MesWorkOrderResource {

    @Inject
    @Named("mes")
    Outage outage;

    @Inject
    WorkOrderService workOrders;

    @Inject
    Acknowledger acknowledger;

    /** 201 new, 200 already dispatched (same body), 422 invalid, 503 under an injected outage. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response dispatch(Map<String, Object> body, @HeaderParam("X-Correlation-Id") String correlationId) {
        if (outage.isDown()) {
            return Problems.unavailable("MES");
        }
        FieldErrors errors = workOrders.validate(body);
        if (!errors.isEmpty()) {
            return Problems.unprocessable("the work order is incomplete or malformed", errors);
        }
        WorkOrderService.Dispatched dispatched = workOrders.dispatch(body, correlationId);
        if (dispatched.created()) {
            // committed: the acknowledgement may follow
            acknowledger.workOrderReceived((String) body.get("productionOrderId"));
        }
        return Response.status(dispatched.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Map.of("mesWorkOrderId", dispatched.mesWorkOrderId(), "status", dispatched.status()))
                .build();
    }
}
