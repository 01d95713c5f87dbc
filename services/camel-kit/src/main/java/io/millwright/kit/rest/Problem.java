package io.millwright.kit.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Error body of every Millwright REST API (RFC 9457 problem details, with field errors for 422). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String title, int status, String detail, List<FieldError> errors, String correlationId) {
}
