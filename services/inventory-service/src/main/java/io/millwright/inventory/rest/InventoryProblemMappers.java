package io.millwright.inventory.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.millwright.inventory.service.HoldNotApplicableException;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.rest.FieldError;
import io.millwright.kit.rest.Problem;
import io.millwright.kit.rest.ProblemMappers;

/** Hold and release failures as problem details: unknown lot or hold 404, hold id reused for other lots 409, invalid 422. */
public class InventoryProblemMappers {

    @ServerExceptionMapper
    public Response holdNotApplicable(HoldNotApplicableException e) {
        return switch (e.reason()) {
            case LOT_UNKNOWN -> problem(404, "Lot not found", e.getMessage(), List.of());
            case HOLD_UNKNOWN -> problem(404, "Hold not found", e.getMessage(), List.of());
            case CONFLICT -> problem(409, "Conflict", e.getMessage(), List.of());
            case INVALID -> problem(422, "Validation failed", "The request has invalid fields", List.of(new FieldError(e.field(), e.getMessage())));
        };
    }

    private static Response problem(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MediaType.valueOf(ProblemMappers.PROBLEM_JSON))
                .entity(new Problem(title, status, detail, errors, Correlation.current())).build();
    }
}
