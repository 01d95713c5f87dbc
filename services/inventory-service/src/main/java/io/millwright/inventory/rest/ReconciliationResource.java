package io.millwright.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.kit.audit.OperatorActions;
import io.millwright.model.security.Roles;
import io.millwright.inventory.mapping.InventoryViewMapper;
import io.millwright.inventory.persistence.ReconciliationRunEntity;
import io.millwright.inventory.service.Reconciliation;
import io.quarkus.narayana.jta.QuarkusTransaction;

@Path("/api/v1/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "Balances compared with ERP (SPEC I4)")
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;

    @Inject
    OperatorActions actions;

    @GET
    @Path("/latest")
    @Transactional
    @Operation(summary = "The latest reconciliation run with its variances")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public Views.ReconciliationRun latest() {
        return ReconciliationRunEntity.latest().map(InventoryViewMapper::run)
                .orElseThrow(() -> new NotFoundException("No reconciliation has run yet"));
    }

    @POST
    @Operation(summary = "Run a reconciliation now", description = "Besides the schedule; answers the run (COMPLETED or FAILED).")
    @RolesAllowed(Roles.OPERATOR)
    public Views.ReconciliationRun runNow() {
        String runId = reconciliation.run().runId;
        actions.record(OperatorActions.RECONCILIATION_RUN, runId, "run by hand");
        return QuarkusTransaction.requiringNew().call(() -> InventoryViewMapper.run(ReconciliationRunEntity.findById(runId)));
    }
}
