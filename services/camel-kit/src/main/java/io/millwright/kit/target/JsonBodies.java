package io.millwright.kit.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.error.NonRetryableException;
import io.millwright.model.common.ModelJson;

/**
 * JSON bodies of the calls a service makes to other systems, written and read the way events are ({@link ModelJson}).
 * An answer that is not JSON will not become JSON by asking again: it is not retryable, and the reason names who
 * answered what.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The value as a JSON body; a value that cannot be written is a programming error. */
    public static String write(Object value) {
        try {
            return ModelJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * @param target the system that answered ({@code millwright.kit.targets.<target>})
     * @param what   what it answered ("work request MI-000001")
     */
    public static JsonNode read(String target, String what, String json) {
        try {
            return ModelJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new NonRetryableException(target + " answered " + what + " with something that is not JSON ("
                    + e.getOriginalMessage() + "): " + (json.length() > 300 ? json.substring(0, 300) + "..." : json), e);
        }
    }
}
