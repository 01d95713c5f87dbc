package io.millwright.kit.rest;

import java.util.List;

/** The request is well-formed but its content is invalid; answered with 422 and the field errors. */
public class UnprocessableEntityException extends RuntimeException {

    private final List<FieldError> errors;

    public UnprocessableEntityException(List<FieldError> errors) {
        super("Invalid request: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
