package io.millwright.simulators.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.millwright.model.common.StorableText;

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

    /** An optional string at {@code key}: absent or null is fine, anything but a string is recorded. */
    public String optionalText(Map<String, Object> body, String key, String path) {
        Object value = body == null ? null : body.get(key);
        if (value != null && !(value instanceof String)) {
            add(path, "must be a string");
            return null;
        }
        return (String) value;
    }

    /** An optional ISO-8601 instant at {@code key} ({@code 2026-12-06T10:00:00Z}); null when absent or wrong. */
    public Instant optionalInstant(Map<String, Object> body, String key, String path) {
        Object value = body == null ? null : body.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // answered below, as for a value that is no string at all
            }
        }
        add(path, "must be an ISO-8601 instant such as 2026-12-06T10:00:00Z");
        return null;
    }

    /**
     * Every text in {@code value} (object keys included, at any depth) must be storable: PostgreSQL holds no NUL
     * character (U+0000) in text or jsonb, so such a request is refused with the field named instead of failing later.
     */
    public void storable(Object value, String path) {
        if (value instanceof String text && text.indexOf('\0') >= 0) {
            add(path.isEmpty() ? "$" : path, StorableText.NUL_MESSAGE);
        } else if (value instanceof Map<?, ?> object) {
            object.forEach((key, item) -> {
                String name = String.valueOf(key);
                String shown = name.replace("\0", "\\u0000");
                String child = path.isEmpty() ? shown : path + "." + shown;
                if (name.indexOf('\0') >= 0) {
                    add(child, StorableText.NUL_MESSAGE);
                }
                storable(item, child);
            });
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                storable(items.get(i), path + "[" + i + "]");
            }
        }
    }
}
