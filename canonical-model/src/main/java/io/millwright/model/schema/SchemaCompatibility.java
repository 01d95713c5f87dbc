package io.millwright.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millwright.model.common.Require;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the changes between a released schema and a candidate that would break consumers of the
 * released contract: data valid before must stay valid, and fields consumers read must stay there
 * with the same meaning. Adding optional properties or enum values is compatible.
 */
public final class SchemaCompatibility {

    public enum Kind {
        PROPERTY_REMOVED,
        TYPE_CHANGED,
        NEWLY_REQUIRED,
        ENUM_VALUE_REMOVED,
        FORMAT_CHANGED
    }

    /** @param path where in the data the break is, e.g. {@code $.lines[].quantity.value} */
    public record BreakingChange(Kind kind, String path, String detail) {

        @Override
        public String toString() {
            return kind + " at " + path + ": " + detail;
        }
    }

    // $refs may be cyclic; no real schema nests anywhere near this deep.
    private static final int MAX_DEPTH = 64;

    private SchemaCompatibility() {
    }

    public static List<BreakingChange> check(JsonNode released, JsonNode candidate) {
        Require.nonNull(released, "released");
        Require.nonNull(candidate, "candidate");
        List<BreakingChange> changes = new ArrayList<>();
        compare(new Documents(released, candidate), released, candidate, "$", 0, changes);
        return List.copyOf(changes);
    }

    private record Documents(JsonNode releasedRoot, JsonNode candidateRoot) {
    }

    private static void compare(Documents docs, JsonNode released, JsonNode candidate, String path, int depth,
            List<BreakingChange> changes) {
        if (depth > MAX_DEPTH) {
            return;
        }
        JsonNode r = effective(docs.releasedRoot(), released);
        JsonNode c = effective(docs.candidateRoot(), candidate);

        Set<String> releasedTypes = types(r);
        Set<String> candidateTypes = types(c);
        if (!releasedTypes.equals(candidateTypes)) {
            changes.add(new BreakingChange(Kind.TYPE_CHANGED, path,
                    "type " + describe(releasedTypes) + " became " + describe(candidateTypes)));
        }

        String releasedFormat = r.path("format").asText(null);
        String candidateFormat = c.path("format").asText(null);
        if (releasedFormat == null ? candidateFormat != null : !releasedFormat.equals(candidateFormat)) {
            changes.add(new BreakingChange(Kind.FORMAT_CHANGED, path,
                    "format " + releasedFormat + " became " + candidateFormat));
        }

        if (r.has("enum")) {
            Set<JsonNode> candidateValues = new LinkedHashSet<>();
            c.path("enum").forEach(candidateValues::add);
            for (JsonNode value : r.get("enum")) {
                if (c.has("enum") && !candidateValues.contains(value)) {
                    changes.add(new BreakingChange(Kind.ENUM_VALUE_REMOVED, path, "enum value " + value + " removed"));
                }
            }
        }

        Set<String> releasedRequired = textSet(r.path("required"));
        for (String name : textSet(c.path("required"))) {
            if (!releasedRequired.contains(name)) {
                changes.add(new BreakingChange(Kind.NEWLY_REQUIRED, join(path, name),
                        "property '" + name + "' is now required"));
            }
        }

        JsonNode releasedProperties = r.path("properties");
        JsonNode candidateProperties = c.path("properties");
        for (Iterator<String> names = releasedProperties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!candidateProperties.has(name)) {
                changes.add(new BreakingChange(Kind.PROPERTY_REMOVED, join(path, name),
                        "property '" + name + "' removed"));
            } else {
                compare(docs, releasedProperties.get(name), candidateProperties.get(name), join(path, name),
                        depth + 1, changes);
            }
        }

        if (r.has("items") && c.has("items")) {
            compare(docs, r.get("items"), c.get("items"), path + "[]", depth + 1, changes);
        }

        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode releasedBranches = r.path(keyword);
            JsonNode candidateBranches = c.path(keyword);
            if (releasedBranches.size() != candidateBranches.size()) {
                changes.add(new BreakingChange(Kind.TYPE_CHANGED, path, keyword + " with " + releasedBranches.size()
                        + " alternatives became " + candidateBranches.size()));
            } else {
                for (int i = 0; i < releasedBranches.size(); i++) {
                    compare(docs, releasedBranches.get(i), candidateBranches.get(i), path, depth + 1, changes);
                }
            }
        }
    }

    /**
     * Resolves references, and reads "null or X" ({@code anyOf}/{@code oneOf} with a null branch and one
     * other, as generated for nullable components) as X with {@code null} added to its types.
     */
    private static JsonNode effective(JsonNode root, JsonNode node) {
        JsonNode resolved = resolve(root, node);
        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode branches = resolved.path(keyword);
            if (branches.size() != 2) {
                continue;
            }
            JsonNode first = resolve(root, branches.get(0));
            JsonNode second = resolve(root, branches.get(1));
            JsonNode other = isNullOnly(first) ? second : isNullOnly(second) ? first : null;
            if (other == null || !other.isObject()) {
                continue;
            }
            ObjectNode merged = ((ObjectNode) other).deepCopy();
            Set<String> types = types(other);
            if (!types.isEmpty()) {
                types.add("null");
                ArrayNode typeArray = merged.putArray("type");
                types.forEach(typeArray::add);
            }
            return merged;
        }
        return resolved;
    }

    private static boolean isNullOnly(JsonNode schema) {
        return types(schema).equals(Set.of("null"));
    }

    /** Follows local {@code #/...} references; other references are compared as written. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < MAX_DEPTH && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return current;
            }
            JsonNode target = ref.equals("#") ? root : root.at(ref.substring(1));
            if (target.isMissingNode()) {
                return MissingNode.getInstance();
            }
            current = target;
        }
        return current;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new TreeSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static Set<String> textSet(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "(any)" : String.join("|", types);
    }

    private static String join(String path, String property) {
        return path + "." + property;
    }
}
