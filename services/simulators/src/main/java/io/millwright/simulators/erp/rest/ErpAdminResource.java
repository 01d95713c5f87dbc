package io.millwright.simulators.erp.rest;

import java.util.List;
import java.util.Optional;

import io.millwright.simulators.erp.service.AdminViews;
import io.millwright.simulators.erp.service.ErpCallLog;
import io.millwright.simulators.erp.service.PostingQueries;
import io.millwright.simulators.erp.service.PostingType;
import io.millwright.simulators.erp.service.SalesOrderService;
import io.millwright.simulators.erp.service.SimulatorReset;
import io.millwright.simulators.erp.service.StockService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What the simulated ERP holds and received, for tests and operators; and a reset to seed data. */
@Path("/sim/erp")
@Produces(MediaType.APPLICATION_JSON)
public class ErpAdminResource {

    @Inject
    SalesOrderService salesOrders;

    @Inject
    ErpCallLog callLog;

    @Inject
    PostingQueries postings;

    @Inject
    StockService stock;

    @Inject
    SimulatorReset simulatorReset;

    @GET
    @Path("/sales-orders")
    public List<AdminViews.SalesOrder> salesOrders(@QueryParam("externalReference") String externalReference) {
        return salesOrders.list(externalReference);
    }

    @GET
    @Path("/calls")
    public List<AdminViews.Call> calls(@QueryParam("operation") String operation) {
        return callLog.list(operation);
    }

    @GET
    @Path("/postings")
    public Response postings(@QueryParam("type") String type) {
        if (type == null) {
            return Response.ok(postings.list(null)).build();
        }
        Optional<PostingType> postingType = PostingType.fromApiName(type);
        if (postingType.isEmpty()) {
            return Problem.badRequest("unknown posting type " + type
                    + "; use confirmation, movement, downtime, maintenance-cost or stock-status");
        }
        return Response.ok(postings.list(postingType.get())).build();
    }

    @GET
    @Path("/stock")
    public List<AdminViews.StockBalance> stock(@QueryParam("itemId") String itemId) {
        return stock.balances(itemId);
    }

    @POST
    @Path("/reset")
    public Response reset() {
        simulatorReset.reset();
        return Response.noContent().build();
    }
}
