package io.millwright.simulators.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what is wrong with a JSON request body (as a map), field by field, for a 422 problem answer. */
public final class FieldErrors {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A non-blank string at {@code key}; returns it or null (and records the error). */
    public String text(Map<String, Object> body, String key, String path) {
        Object value = body == null ? null : body.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            add(path, value == null ? "is required" : "must be a non-empty string");
            return null;
        }
        return text;
    }

    /** A {@code {"value": > 0 (or >= 0), "unit": "..."}} quantity at {@code key}. */
    public void quantity(Map<String, Object> body, String key, String path, boolean zeroAllowed) {
        Object value = body == null ? null : body.get(key);
        if (!(value instanceof Map<?, ?> quantity)) {
            add(path, value == null ? "is required" : "must be an object {value, unit}");
            return;
        }
        Object amount = quantity.get("value");
        BigDecimal number = amount instanceof Number n ? new BigDecimal(n.toString()) : null;
        if (number == null) {
            add(path + ".value", "is required and must be a number");
        } else if (zeroAllowed ? number.signum() < 0 : number.signum() <= 0) {
            add(path + ".value", zeroAllowed ? "must not be negative" : "must be greater than zero");
        }
        Object unit = quantity.get("unit");
        if (!(unit instanceof String u) || u.isBlank()) {
            add(path + ".unit", "is required");
        }
    }

    /** The list at {@code key} of JSON objects (empty when absent); records an error for a non-list or non-objects. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> objects(Map<String, Object> body, String key, String path) {
        Object value = body == null ? null : body.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items) || !items.stream().allMatch(item -> item instanceof Map)) {
            add(path, "must be a list of objects");
            return List.of();
        }
        return (List<Map<String, Object>>) value;
    }
}
