package io.millwright.quality.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.model.security.Roles;
import io.millwright.model.quality.QualityCase;
import io.millwright.model.quality.QualityHold;
import io.millwright.model.quality.QualityResult;
import io.millwright.quality.genealogy.LotGenealogy;
import io.millwright.quality.hold.QualityHolds;
import io.millwright.quality.hold.UsageDecisions;
import io.millwright.quality.qms.QmsCases;
import io.millwright.quality.result.QualityResults;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/lots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lots", description = "Lot genealogy (made from, used in), quality results, holds and usage decisions")
public class LotResource {

    @Inject
    LotGenealogy genealogy;

    @Inject
    QualityResults results;

    @Inject
    QualityHolds holds;

    @Inject
    UsageDecisions decisions;

    @Inject
    QmsCases cases;

    @Inject
    SecurityIdentity identity;

    /** A lot's quality: its results, the holds on it and its usage decision. */
    public record LotQuality(String lot, List<QualityResult> results, List<QualityHold> holds, List<QualityCase> cases,
            UsageDecisions.UsageDecision usageDecision) {
    }

    /** What a usage decision did: the decision, whether it was taken before, the holds it released. */
    public record DecisionView(UsageDecisions.UsageDecision decision, boolean repeated, List<String> releasedHolds) {
    }

    @GET
    @Path("/{lot}/quality")
    @Operation(summary = "A lot's quality", description = "Its QMS results (newest first), the holds that cover it, active or released, "
            + "the quality cases opened in the QMS for it, and its usage decision.")
    @APIResponse(responseCode = "200", description = "The lot's quality; empty lists for a lot nothing was said about")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.QMS_INTEGRATION, Roles.EAM_INTEGRATION})
    @Transactional
    public LotQuality quality(@PathParam("lot") String lot) {
        return new LotQuality(lot, results.ofLot(lot), holds.allOn(lot), cases.ofLot(lot), decisions.of(lot).orElse(null));
    }

    @POST
    @Path("/{lot}/usage-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take the usage decision on a lot", description = "SAP QM's rule: stock leaves quality hold only through a "
            + "usage decision. ACCEPT releases the lot's holds in the ERP and the WMS (through inventory-service), unless a lot it was "
            + "made from is still on hold; REJECT keeps it held. One decision per lot: the same one again changes nothing (200, "
            + "repeated), a contradicting one is refused (409).")
    @APIResponse(responseCode = "200", description = "Decided (now, or before with the same decision)")
    @APIResponse(responseCode = "409", description = "Contradicts the lot's decision, or a component lot is still on hold")
    @APIResponse(responseCode = "422", description = "Invalid request, with field errors")
    @RolesAllowed({Roles.OPERATOR, Roles.QMS_INTEGRATION})
    public DecisionView decide(@PathParam("lot") String lot, @Valid @NotNull UsageDecisionRequest request) {
        try {
            UsageDecisions.Outcome outcome = decisions.decide(lot, request.decision(), request.code(), request.reason(),
                    identity.isAnonymous() ? null : identity.getPrincipal().getName());
            return new DecisionView(outcome.decision(), outcome.repeated(), outcome.releasedHolds());
        } catch (UsageDecisions.RefusedDecisionException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    @GET
    @Path("/{lot}/genealogy")
    @Operation(summary = "A lot's genealogy", description = "direction=components: the lots it was made from, and theirs, to any "
            + "depth; direction=products: the lots it was used in, and theirs. Each lot with the production orders that made it, "
            + "their sales orders, and the resources, operations and times they were worked; each link with the production order "
            + "that joins the two lots and how much of the component went into it.")
    @APIResponse(responseCode = "200", description = "The genealogy")
    @APIResponse(responseCode = "400", description = "Unknown direction")
    @APIResponse(responseCode = "404", description = "No production confirmation named this lot")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.QMS_INTEGRATION, Roles.EAM_INTEGRATION})
    public LotGenealogy.View genealogy(@PathParam("lot") String lot,
            @Parameter(description = "components (made from) or products (used in)") @QueryParam("direction") @DefaultValue("components")
            String direction) {
        LotGenealogy.Direction walk = switch (direction) {
            case "components", "made-from" -> LotGenealogy.Direction.COMPONENTS;
            case "products", "used-in" -> LotGenealogy.Direction.PRODUCTS;
            default -> throw new jakarta.ws.rs.BadRequestException("direction must be components (made from) or products (used in), not '"
                    + direction + "'");
        };
        return genealogy.of(lot, walk).orElseThrow(() -> new NotFoundException("No production confirmation named lot " + lot));
    }
}
