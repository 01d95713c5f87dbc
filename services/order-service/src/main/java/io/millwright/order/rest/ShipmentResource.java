package io.millwright.order.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.model.security.Roles;
import io.millwright.order.service.Deliveries;

@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "The WMS confirms shipped deliveries (SPEC O3/O4 shipped)")
public class ShipmentResource {

    public record ShipmentRequest(
            @NotBlank @Size(max = 60) String deliveryId,
            @NotBlank @Size(max = 60) String shipmentId,
            @NotNull Instant shippedAt,
            @Size(max = 100) String carrier,
            @Size(max = 100) String trackingNumber) {
    }

    @Inject
    Deliveries deliveries;

    @POST
    @Operation(summary = "Confirm a shipment", description = "The WMS shipped a delivery Millwright released: the order becomes SHIPPED "
            + "(order.shipped, the SHIPPED milestone, the CRM told). The same shipment again answers 200 and changes nothing.")
    @APIResponse(responseCode = "200", description = "Recorded (now, or before: X-Millwright-Duplicate: true)")
    @APIResponse(responseCode = "404", description = "No such delivery was released")
    @APIResponse(responseCode = "409", description = "The delivery is blocked, or was shipped under another shipment id")
    @APIResponse(responseCode = "422", description = "Invalid request, with field errors")
    @RolesAllowed(Roles.WMS_INTEGRATION)
    public Response confirm(@Valid @NotNull ShipmentRequest request) {
        try {
            Deliveries.ShipmentOutcome outcome = deliveries.shipped(new Deliveries.ShipmentConfirmation(request.deliveryId(), request.shipmentId(),
                    request.shippedAt(), request.carrier(), request.trackingNumber()));
            return Response.ok(outcome.delivery()).header("X-Millwright-Duplicate", String.valueOf(outcome.repeated())).build();
        } catch (Deliveries.ShipmentRefusedException e) {
            if (e.unknown()) {
                throw new NotFoundException(e.getMessage());
            }
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
    }
}
