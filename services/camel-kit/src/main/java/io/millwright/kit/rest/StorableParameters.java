package io.millwright.kit.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.millwright.model.common.StorableText;

/**
 * Path and query parameters with text no database can store (the NUL character) are refused with 400 and the
 * parameter named, before a resource looks anything up with them. Bodies are checked when they are read
 * ({@link StorableText}, 422 with the field).
 */
public class StorableParameters {

    @ServerRequestFilter
    public Response refuseUnstorableText(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        collect(request.getUriInfo().getPathParameters(), errors);
        collect(request.getUriInfo().getQueryParameters(), errors);
        if (errors.isEmpty()) {
            return null;
        }
        return ProblemMappers.problem(400, "Bad Request", "A parameter holds text that cannot be stored", errors);
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        parameters.forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0)) {
                errors.add(new FieldError(name.replace("\0", "\\u0000"), StorableText.NUL_MESSAGE));
            }
        });
    }
}
