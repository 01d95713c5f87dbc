package io.millwright.order.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.kit.security.RateLimited;
import io.millwright.model.security.Roles;
import io.millwright.order.mapping.OrderViewMapper;
import io.millwright.order.service.OrderIntake;

@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "CRM orders: intake, status and timeline (SPEC O1, O5)")
public class OrderResource {

    public static final String DUPLICATE_HEADER = "X-Millwright-Duplicate";

    @Inject
    OrderIntake intake;

    @Inject
    OrderViewMapper views;

    @POST
    @Operation(summary = "Submit a CRM order", description = "Validated synchronously; posted to ERP asynchronously. "
            + "The same crmOrderId again returns the existing order (200) instead of creating a second one.")
    @APIResponse(responseCode = "202", description = "Accepted, waiting for ERP confirmation")
    @APIResponse(responseCode = "200", description = "Already received: the existing order")
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "422", description = "Invalid order, with field errors")
    @APIResponse(responseCode = "503", description = "Master data not yet replicated from ERP; try again later")
    @RolesAllowed(Roles.CRM_INTEGRATION)
    @RateLimited("orders")
    public Response submit(@Valid @NotNull OrderRequest request) {
        OrderIntake.Result<OrderView> result = intake.accept(request, views::toView);
        OrderView view = result.order();
        URI location = URI.create("/api/v1/orders/" + view.id());
        return Response.status(result.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(location)
                .header(DUPLICATE_HEADER, String.valueOf(!result.created()))
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An order's status and timeline")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.CRM_INTEGRATION})
    public OrderView get(@PathParam("id") String id) {
        return intake.find(id).map(views::toView).orElseThrow(() -> new NotFoundException("No order " + id));
    }

    @GET
    @Operation(summary = "Find an order by its CRM order id")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.CRM_INTEGRATION})
    public OrderView byCrmOrderId(@QueryParam("crmOrderId") @NotNull String crmOrderId) {
        return intake.findByCrmOrderId(crmOrderId).map(views::toView)
                .orElseThrow(() -> new NotFoundException("No order with crmOrderId " + crmOrderId));
    }
}
