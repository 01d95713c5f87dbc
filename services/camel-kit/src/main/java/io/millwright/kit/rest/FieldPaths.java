package io.millwright.kit.rest;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The field a JSON reading error is about, as a caller names it: {@code lines[0].itemId}; {@code (body)} for the whole. */
public final class FieldPaths {

    private FieldPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    /** "field: message" for a mapping error, the message alone for anything else, e.g. for a dead letter's reason. */
    public static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? of(mapping) + ": " + e.getOriginalMessage()
                : e.getOriginalMessage();
    }
}
