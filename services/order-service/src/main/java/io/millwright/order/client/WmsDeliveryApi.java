package io.millwright.order.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The WMS's outbound delivery API (docs/contracts/plant-apps.md): idempotent by deliveryId. */
@Path("/wms/api/v1/deliveries")
public interface WmsDeliveryApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response release(String delivery);
}
