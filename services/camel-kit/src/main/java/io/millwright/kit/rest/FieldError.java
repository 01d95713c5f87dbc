package io.millwright.kit.rest;

/** One invalid field of a request: a JSON path such as {@code lines[0].quantity} and what is wrong with it. */
public record FieldError(String field, String message) {
}
