package io.millwright.edge.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fields of one YAML mapping of the plant file, read as values with a problem (line, column, field path)
 * reported for each one that is missing, of the wrong kind or not a valid value. Unknown fields are problems when
 * the mapping is read. A value that is not usable reads as null (or the default), so reading goes on and all
 * problems of a file are found at once.
 */
final class YamlFields {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private final MappingNode mapping;
    private final String prefix;
    private final Map<String, NodeTuple> byKey;
    private final PlantFileProblems problems;

    private YamlFields(MappingNode mapping, String prefix, Map<String, NodeTuple> byKey, PlantFileProblems problems) {
        this.mapping = mapping;
        this.prefix = prefix;
        this.byKey = byKey;
        this.problems = problems;
    }

    /** @param prefix the field path of the mapping, ending with {@code .} (empty at the top) */
    static YamlFields read(MappingNode mapping, String prefix, Set<String> allowed, PlantFileProblems problems) {
        Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(tuple.getKeyNode(), prefix, "keys must be plain names");
                continue;
            }
            if (!allowed.contains(key.getValue())) {
                problems.add(key, prefix + key.getValue(), "unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                continue;
            }
            byKey.put(key.getValue(), tuple);
        }
        return new YamlFields(mapping, prefix, byKey, problems);
    }

    boolean has(String key) {
        return byKey.containsKey(key);
    }

    String path(String key) {
        return prefix + key;
    }

    /** The field's value node, or the mapping itself when the field is absent (where its problems are placed). */
    Node node(String key) {
        NodeTuple tuple = byKey.get(key);
        return tuple == null ? mapping : tuple.getValueNode();
    }

    /** Reports a problem of this field. */
    void problem(String key, String message) {
        problems.add(node(key), path(key), message);
    }

    String text(String key, boolean required) {
        ScalarNode scalar = value(key, required, ScalarNode.class, "must be a single value");
        if (scalar == null) {
            return null;
        }
        String value = scalar.getValue();
        if (value == null || value.isBlank() || "null".equals(value) || "~".equals(value)) {
            if (required) {
                problems.add(scalar, path(key), "must not be empty");
            }
            return null;
        }
        return value.trim();
    }

    SequenceNode sequence(String key, boolean required) {
        return value(key, required, SequenceNode.class, "must be a list");
    }

    MappingNode mapping(String key) {
        return value(key, false, MappingNode.class, "must be a mapping");
    }

    /** The field's value node of the expected kind; null when absent (a problem if required) or of another kind. */
    private <N extends Node> N value(String key, boolean required, Class<N> kind, String otherKind) {
        NodeTuple tuple = byKey.get(key);
        if (tuple == null) {
            if (required) {
                problems.add(mapping, path(key), "required field is missing");
            }
            return null;
        }
        if (!kind.isInstance(tuple.getValueNode())) {
            problems.add(tuple.getValueNode(), path(key), otherKind);
            return null;
        }
        return kind.cast(tuple.getValueNode());
    }

    /** A required id ({@link #ID}): plant, connection, tag or asset. */
    String id(String key) {
        String value = text(key, true);
        if (value != null && !ID.matcher(value).matches()) {
            problem(key, "must match " + ID.pattern() + " (was '" + value + "')");
        }
        return value;
    }

    /** {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}; required when there is no default. */
    Duration duration(String key, Duration defaultValue) {
        String text = text(key, defaultValue == null);
        if (text == null) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            problem(key, "must be a duration like 500ms, 2s, 5m or 1h (was '" + text + "')");
            return defaultValue;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** A constant of {@code type}, case-insensitive. */
    <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        String text = text(key, false);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(key, "must be one of " + List.of(type.getEnumConstants()) + " (was '" + text + "')");
            return defaultValue;
        }
    }

    BigDecimal decimal(String key) {
        String text = text(key, false);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problem(key, "must be a number (was '" + text + "')");
            return null;
        }
    }
}
