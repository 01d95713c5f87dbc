package io.millwright.kit.rest;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.millwright.kit.correlation.Correlation;
import io.millwright.model.common.StorableText;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/** Maps request errors to problem details: 400 for JSON that cannot be read, 422 with field errors for invalid content. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableEntityException e) {
        return problem(422, "Validation failed", "The request has invalid fields", e.errors());
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return violations(e);
    }

    /** Quarkus raises its own subtype for REST parameter and body validation; map it the same way. */
    @ServerExceptionMapper
    public Response restViolations(ResteasyReactiveViolationException e) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                        .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE));
        if (returnValue) {
            return problem(500, "Internal error", "The service produced an invalid response", List.of());
        }
        return violations(e);
    }

    /** A value of the wrong type or shape, e.g. a string where a number belongs. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return problem(422, "Validation failed", "The request has invalid fields",
                List.of(new FieldError(path(e), StorableText.NUL_MESSAGE.equals(e.getOriginalMessage()) ? StorableText.NUL_MESSAGE
                        : "has the wrong type or format")));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonParseException e) {
        return problem(400, "Malformed JSON", "The request body is not valid JSON: " + e.getOriginalMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return problem(400, "Malformed JSON", "The request body cannot be read: " + e.getOriginalMessage(), List.of());
    }

    private static Response violations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::toFieldError)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(422, "Validation failed", "The request has invalid fields", errors);
    }

    /**
     * Every JAX-RS status exception (404, 405, 415, 503 ...) answers with a problem body too; Quarkus reports
     * unreadable JSON this way, with the Jackson error as the cause.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch) {
                return mismatchedInput(mismatch);
            }
            if (cause instanceof JsonProcessingException json) {
                return problem(400, "Malformed JSON", "The request body is not valid JSON: " + json.getOriginalMessage(), List.of());
            }
        }
        Response original = e.getResponse();
        Response.ResponseBuilder builder = Response.fromResponse(original)
                .type(MediaType.valueOf(PROBLEM_JSON))
                .entity(new Problem(original.getStatusInfo().getReasonPhrase(), original.getStatus(), e.getMessage(), List.of(),
                        Correlation.current()));
        return builder.build();
    }

    static Response problem(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(PROBLEM_JSON))
                .entity(new Problem(title, status, detail, errors, Correlation.current()))
                .build();
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Drop the method and parameter names Hibernate Validator puts in front of a REST body's path.
        String[] parts = path.split("\\.", 3);
        String field = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        return new FieldError(field, violation.getMessage());
    }

    private static String path(JsonMappingException e) {
        return FieldPaths.of(e);
    }
}
