package io.millwright.simulators.wms.rest;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.JsonPoster;
import io.millwright.simulators.common.Outage;
import io.millwright.simulators.common.Problems;
import io.millwright.simulators.wms.service.WmsDeliveries;

/**
 * The WMS's outbound delivery API (docs/contracts/plant-apps.md): order-service releases a delivery for an order ready
 * to ship. 202 the first time, 200 for a repeat of the same deliveryId; with auto-ship on, the WMS ships it at once.
 */
@Path("/wms/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class WmsDeliveryResource {

    @Inject
    WmsDeliveries deliveries;

    @Inject
    @Named("wms")
    Outage outage;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response release(Map<String, Object> body) {
        if (outage.isDown()) {
            return Problems.unavailable("WMS");
        }
        FieldErrors errors = deliveries.validate(body);
        if (!errors.isEmpty()) {
            return Problems.unprocessable("the delivery is incomplete or malformed", errors);
        }
        boolean created = deliveries.receive(body);
        String deliveryId = (String) body.get("deliveryId");
        if (created && deliveries.autoShip()) {
            // a warehouse ships after it took the delivery: the confirmation follows the answer
            CompletableFuture.runAsync(() -> deliveries.ship(deliveryId), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
        }
        return Response.status(created ? Response.Status.ACCEPTED : Response.Status.OK)
                .header(JsonPoster.DUPLICATE_HEADER, String.valueOf(!created)).entity(Map.of("deliveryId", deliveryId)).build();
    }
}
