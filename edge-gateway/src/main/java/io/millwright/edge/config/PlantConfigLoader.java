package io.millwright.edge.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a plant YAML file into a {@link PlantConfig}. Works on SnakeYAML's node tree (not data binding) so that
 * every problem - a missing or unknown field, a bad value, a duplicate id - is reported with its line and column;
 * all problems of a file are reported at once.
 */
public final class PlantConfigLoader {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    static final Pattern URL = Pattern.compile("(modbus-tcp|opcua|s7|simulated):\\S+");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Duration MIN_SCAN = Duration.ofMillis(10);

    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_RECONNECT_INITIAL = Duration.ofSeconds(1);
    private static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(60);

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private PlantConfigLoader(String source) {
        this.source = source;
    }

    /** @throws PlantConfigException listing every problem with its location */
    public static PlantConfig load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new PlantConfigLoader(file.toString()).read(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PlantConfigException(file.toString(), List.of("file does not exist"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plant configuration " + file, e);
        }
    }

    /** For tests and tools: {@code source} only names the text in messages. */
    public static PlantConfig parse(String yaml, String source) {
        return new PlantConfigLoader(source).read(new StringReader(yaml));
    }

    private PlantConfig read(Reader reader) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new PlantConfigException(source, List.of(at(mark) + ": not valid YAML: " + e.getProblem()));
        }
        if (!(root instanceof MappingNode)) {
            throw new PlantConfigException(source, List.of(root == null ? "file is empty" : at(root) + ": expected a mapping with 'plant' and 'connections'"));
        }
        Fields plant = fields((MappingNode) root, "", Set.of("plant", "connections"));
        String plantId = id(plant, "plant");
        List<ConnectionConfig> connections = new ArrayList<>();
        Map<String, String> connectionIds = new HashMap<>();
        Map<String, String> tagIds = new HashMap<>();
        SequenceNode list = plant.sequence("connections", true);
        if (list != null) {
            if (list.getValue().isEmpty()) {
                problem(list, "connections", "needs at least one connection");
            }
            for (int i = 0; i < list.getValue().size(); i++) {
                ConnectionConfig connection = connection(list.getValue().get(i), "connections[" + i + "]", tagIds);
                if (connection != null) {
                    String earlier = connectionIds.putIfAbsent(connection.id(), at(list.getValue().get(i)));
                    if (earlier != null) {
                        problem(list.getValue().get(i), "connections[" + i + "].id",
                                "duplicate connection id '" + connection.id() + "' (first defined at " + earlier + ")");
                    }
                    connections.add(connection);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PlantConfigException(source, problems);
        }
        return new PlantConfig(plantId, connections);
    }

    private ConnectionConfig connection(Node node, String path, Map<String, String> tagIds) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping (id, url, tags, ...)");
            return null;
        }
        Fields f = fields(mapping, path + ".", Set.of("id", "url", "read-timeout", "reconnect", "tags"));
        String id = id(f, "id");
        String url = f.text("url", true);
        if (url != null && !URL.matcher(url).matches()) {
            problem(f.node("url"), path + ".url", "must be a PLC4X connection string starting with modbus-tcp:, opcua:, s7: or simulated: (was '" + url + "')");
        }
        Duration readTimeout = duration(f, "read-timeout", DEFAULT_READ_TIMEOUT);
        Duration reconnectInitial = DEFAULT_RECONNECT_INITIAL;
        Duration reconnectMax = DEFAULT_RECONNECT_MAX;
        MappingNode reconnect = f.mapping("reconnect");
        if (reconnect != null) {
            Fields r = fields(reconnect, path + ".reconnect.", Set.of("initial", "max"));
            reconnectInitial = duration(r, "initial", DEFAULT_RECONNECT_INITIAL);
            reconnectMax = duration(r, "max", DEFAULT_RECONNECT_MAX);
            if (reconnectMax.compareTo(reconnectInitial) < 0) {
                problem(reconnect, path + ".reconnect.max", "must not be shorter than reconnect.initial");
            }
        }
        List<TagConfig> tags = new ArrayList<>();
        SequenceNode list = f.sequence("tags", true);
        if (list != null) {
            if (list.getValue().isEmpty()) {
                problem(list, path + ".tags", "needs at least one tag");
            }
            for (int i = 0; i < list.getValue().size(); i++) {
                Node tagNode = list.getValue().get(i);
                TagConfig tag = tag(tagNode, path + ".tags[" + i + "]", id);
                if (tag != null) {
                    String earlier = tagIds.putIfAbsent(tag.id(), at(tagNode));
                    if (earlier != null) {
                        problem(tagNode, path + ".tags[" + i + "].id", "duplicate tag id '" + tag.id() + "' (first defined at " + earlier + ")");
                    }
                    tags.add(tag);
                }
            }
        }
        return new ConnectionConfig(id, url, readTimeout, reconnectInitial, reconnectMax, tags);
    }

    private TagConfig tag(Node node, String path, String connectionId) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping (id, address, scan, ...)");
            return null;
        }
        Fields f = fields(mapping, path + ".", Set.of("id", "address", "scan", "type", "unit", "deadband", "asset", "class"));
        String id = id(f, "id");
        String address = f.text("address", true);
        Duration scan = duration(f, "scan", null);
        if (scan != null && scan.compareTo(MIN_SCAN) < 0) {
            problem(f.node("scan"), path + ".scan", "must be at least " + MIN_SCAN.toMillis() + "ms");
        }
        TagDataType type = enumValue(f, "type", TagDataType.class, TagDataType.NUMBER);
        String unit = f.text("unit", false);
        if (unit == null) {
            unit = "1";
        }
        BigDecimal deadband = BigDecimal.ZERO;
        String deadbandText = f.text("deadband", false);
        if (deadbandText != null) {
            try {
                deadband = new BigDecimal(deadbandText);
                if (deadband.signum() < 0) {
                    problem(f.node("deadband"), path + ".deadband", "must not be negative (was " + deadbandText + ")");
                }
            } catch (NumberFormatException e) {
                problem(f.node("deadband"), path + ".deadband", "must be a number (was '" + deadbandText + "')");
            }
        }
        String asset = id(f, "asset");
        TagClass tagClass = enumValue(f, "class", TagClass.class, TagClass.TELEMETRY);
        return new TagConfig(id, connectionId, address, scan, type, unit, deadband, asset, tagClass);
    }

    private String id(Fields f, String key) {
        String value = f.text(key, true);
        if (value != null && !ID.matcher(value).matches()) {
            problem(f.node(key), f.path(key), "must match " + ID.pattern() + " (was '" + value + "')");
        }
        return value;
    }

    private Duration duration(Fields f, String key, Duration defaultValue) {
        String text = f.text(key, defaultValue == null);
        if (text == null) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            problem(f.node(key), f.path(key), "must be a duration like 500ms, 2s, 5m or 1h (was '" + text + "')");
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

    private <E extends Enum<E>> E enumValue(Fields f, String key, Class<E> type, E defaultValue) {
        String text = f.text(key, false);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(f.node(key), f.path(key), "must be one of " + List.of(type.getEnumConstants()) + " (was '" + text + "')");
            return defaultValue;
        }
    }

    private Fields fields(MappingNode mapping, String prefix, Set<String> allowed) {
        Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problem(tuple.getKeyNode(), prefix, "keys must be plain names");
                continue;
            }
            if (!allowed.contains(key.getValue())) {
                problem(key, prefix + key.getValue(), "unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                continue;
            }
            byKey.put(key.getValue(), tuple);
        }
        return new Fields(mapping, prefix, byKey);
    }

    private void problem(Node node, String field, String message) {
        problems.add(at(node) + ": " + field + ": " + message);
    }

    private String at(Node node) {
        return at(node.getStartMark());
    }

    private String at(Mark mark) {
        return mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** The fields of one YAML mapping, with the path used in messages. */
    private final class Fields {
        private final MappingNode mapping;
        private final String prefix;
        private final Map<String, NodeTuple> byKey;

        Fields(MappingNode mapping, String prefix, Map<String, NodeTuple> byKey) {
            this.mapping = mapping;
            this.prefix = prefix;
            this.byKey = byKey;
        }

        String path(String key) {
            return prefix + key;
        }

        Node node(String key) {
            NodeTuple tuple = byKey.get(key);
            return tuple == null ? mapping : tuple.getValueNode();
        }

        String text(String key, boolean required) {
            NodeTuple tuple = byKey.get(key);
            if (tuple == null) {
                if (required) {
                    problem(mapping, path(key), "required field is missing");
                }
                return null;
            }
            if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
                problem(tuple.getValueNode(), path(key), "must be a single value");
                return null;
            }
            String value = scalar.getValue();
            if (value == null || value.isBlank() || "null".equals(value) || "~".equals(value)) {
                if (required) {
                    problem(scalar, path(key), "must not be empty");
                }
                return null;
            }
            return value.trim();
        }

        SequenceNode sequence(String key, boolean required) {
            NodeTuple tuple = byKey.get(key);
            if (tuple == null) {
                if (required) {
                    problem(mapping, path(key), "required field is missing");
                }
                return null;
            }
            if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
                problem(tuple.getValueNode(), path(key), "must be a list");
                return null;
            }
            return sequence;
        }

        MappingNode mapping(String key) {
            NodeTuple tuple = byKey.get(key);
            if (tuple == null) {
                return null;
            }
            if (!(tuple.getValueNode() instanceof MappingNode nested)) {
                problem(tuple.getValueNode(), path(key), "must be a mapping");
                return null;
            }
            return nested;
        }
    }
}
