package io.millwright.maintenance.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import io.millwright.maintenance.edge.MachineStates;
import io.millwright.maintenance.edge.SourceSequences;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Machines", description = "Downtime per resource and the edge's event streams (SPEC M1)")
public class MachineResource {

    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    @Inject
    MachineStates states;

    @Inject
    SourceSequences sequences;

    @GET
    @Path("/resources/{resourceId}/downtime")
    @Operation(summary = "A resource's downtime and availability", description = "Every period in [from, to] in which the machine was not "
            + "RUNNING (state, fault, start, end), and the share of the observed time it ran. Default: the last 24 hours.")
    @APIResponse(responseCode = "200", description = "Downtime and availability")
    @APIResponse(responseCode = "422", description = "from or to not an ISO-8601 instant, to before from, or a window over a year")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.EAM_INTEGRATION})
    public MachineStates.Availability downtime(@PathParam("resourceId") String resourceId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant end = instant("to", to, Instant.now(), errors);
        Instant start = instant("from", from, end.minus(Duration.ofDays(1)), errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (errors.isEmpty() && Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            errors.add(new FieldError("from", "the window must not be longer than " + MAX_WINDOW.toDays() + " days"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(errors);
        }
        return states.of(resourceId, start, end);
    }

    @GET
    @Path("/edge/sources")
    @Operation(summary = "The edge's event sources", description = "Per source: the highest sequence number taken, events, replays "
            + "(duplicates) and the gaps found (events that never arrived), with the last one.")
    @APIResponse(responseCode = "200", description = "The sources")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<SourceSequences.Source> sources(@QueryParam("plantId") String plantId) {
        return sequences.all(plantId == null || plantId.isBlank() ? null : plantId);
    }

    private static Instant instant(String field, String value, Instant otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-12-06T08:00:00Z"));
            return otherwise;
        }
    }
}
