package io.millwright.maintenance.rest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.kit.rest.FieldError;
import io.millwright.kit.rest.UnprocessableEntityException;
import io.millwright.model.security.Roles;
import io.millwright.maintenance.eam.EamWorkRequests;
import io.millwright.maintenance.incident.IncidentTimeline;
import io.millwright.maintenance.incident.IncidentView;
import io.millwright.maintenance.incident.Incidents;
import io.millwright.model.maintenance.WorkRequest;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Machine incidents from the edge's alerts (SPEC M1), their work requests, postings and holds (M2-M5)")
public class IncidentResource {

    private static final Set<String> STATES = Set.of(Incidents.PENDING, Incidents.OPEN, Incidents.DISCARDED, Incidents.RESOLVED);

    /** An incident with its work request and every step it went through. */
    public record IncidentDetail(IncidentView incident, WorkRequest workRequest, List<IncidentTimeline.Step> timeline) {
    }

    @Inject
    Incidents incidents;

    @Inject
    IncidentTimeline timeline;

    @Inject
    EamWorkRequests workRequests;

    @GET
    @Operation(summary = "Incidents, newest first", description = "Without state: open and resolved incidents. state=PENDING lists alerts "
            + "waiting out group-wait, state=DISCARDED those that cleared within it (noise).")
    @APIResponse(responseCode = "200", description = "The incidents")
    @APIResponse(responseCode = "422", description = "Unknown state or limit out of range")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.EAM_INTEGRATION})
    @Transactional
    public List<IncidentView> list(@QueryParam("state") String state, @QueryParam("assetId") String assetId,
            @QueryParam("resourceId") String resourceId, @QueryParam("limit") @DefaultValue("100") int limit) {
        String wanted = state == null || state.isBlank() ? null : state.toUpperCase(Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new UnprocessableEntityException(List.of(new FieldError("state", "must be one of " + STATES.stream().sorted().toList())));
        }
        if (limit < 1 || limit > 1000) {
            throw new UnprocessableEntityException(List.of(new FieldError("limit", "must be between 1 and 1000")));
        }
        return incidents.list(wanted, blankToNull(assetId), blankToNull(resourceId), limit);
    }

    @GET
    @Path("/{incidentId}")
    @Operation(summary = "An incident", description = "The incident (its alerts, resource, work orders, trace id), its EAM work request "
            + "and its timeline: alerts, opening, correlation with production, work request, ERP postings, resolution, window hold.")
    @APIResponse(responseCode = "200", description = "The incident")
    @APIResponse(responseCode = "404", description = "No such incident")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.EAM_INTEGRATION})
    @Transactional
    public IncidentDetail get(@PathParam("incidentId") String incidentId) {
        IncidentView view = incidents.get(incidentId).orElseThrow(() -> new NotFoundException("No incident " + incidentId));
        WorkRequest request = view.correlatedAt() == null ? null : workRequests.workRequest(view);
        return new IncidentDetail(view, request, timeline.of(incidentId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
