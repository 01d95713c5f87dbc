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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineState;

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
 *
 * <p>Values in a connection's {@code security} block may name environment variables, {@code ${NAME}}, so that the
 * plant file holds no passwords ({@code $$} stands for a literal {@code $}); an unset variable is a problem of the
 * file like any other.
 */
public final class PlantConfigLoader {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    static final Pattern URL = Pattern.compile("(modbus-tcp|opcua|s7|simulated):\\S+");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Duration MIN_SCAN = Duration.ofMillis(10);

    /** Driver options a connection's {@code security} block sets; in the URL they would be shown and logged. */
    private static final Set<String> SECURITY_OPTIONS = Set.of("security-policy", "message-security", "key-store-file",
            "key-store-type", "key-store-password", "server-certificate-file", "trust-store-file", "trust-store-type",
            "trust-store-password", "username", "password");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\$|\\$\\{([^}]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_RECONNECT_INITIAL = Duration.ofSeconds(1);
    private static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(60);

    private final String source;
    private final Function<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    private PlantConfigLoader(String source, Function<String, String> environment) {
        this.source = source;
        this.environment = environment;
    }

    /** @throws PlantConfigException listing every problem with its location */
    public static PlantConfig load(Path file) {
        return load(file, System::getenv);
    }

    /** @param environment resolves {@code ${NAME}} references (null: not set) */
    public static PlantConfig load(Path file, Function<String, String> environment) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new PlantConfigLoader(file.toString(), environment).read(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PlantConfigException(file.toString(), List.of("file does not exist"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plant configuration " + file, e);
        }
    }

    /** For tests and tools: {@code source} only names the text in messages. */
    public static PlantConfig parse(String yaml, String source) {
        return parse(yaml, source, System::getenv);
    }

    public static PlantConfig parse(String yaml, String source, Function<String, String> environment) {
        return new PlantConfigLoader(source, environment).read(new StringReader(yaml));
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
        oneSignalPerAsset(connections, tagIds);
        if (!problems.isEmpty()) {
            throw new PlantConfigException(source, problems);
        }
        return new PlantConfig(plantId, connections);
    }

    /** An asset has one state signal and one fault-code signal at most, else its state would flap between them. */
    private void oneSignalPerAsset(List<ConnectionConfig> connections, Map<String, String> tagLocations) {
        Map<String, String> stateTags = new HashMap<>();
        Map<String, String> faultTags = new HashMap<>();
        connections.stream().flatMap(c -> c.tags().stream()).forEach(tag -> {
            if (tag.isStateSignal()) {
                String earlier = stateTags.putIfAbsent(tag.assetId(), tag.id());
                if (earlier != null) {
                    problems.add(tagLocations.get(tag.id()) + ": " + tag.id() + ".states: asset '" + tag.assetId()
                            + "' already has its state signal in tag " + earlier);
                }
            }
            if (tag.isFaultSignal()) {
                String earlier = faultTags.putIfAbsent(tag.assetId(), tag.id());
                if (earlier != null) {
                    problems.add(tagLocations.get(tag.id()) + ": " + tag.id() + ".faults: asset '" + tag.assetId()
                            + "' already has its fault-code signal in tag " + earlier);
                }
            }
        });
    }

    private ConnectionConfig connection(Node node, String path, Map<String, String> tagIds) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping (id, url, tags, ...)");
            return null;
        }
        Fields f = fields(mapping, path + ".", Set.of("id", "url", "connect-timeout", "read-timeout", "reconnect", "security", "tags"));
        String id = id(f, "id");
        String url = f.text("url", true);
        Matcher protocol = url == null ? null : URL.matcher(url);
        if (protocol != null && !protocol.matches()) {
            problem(f.node("url"), path + ".url", "must be a PLC4X connection string starting with modbus-tcp:, opcua:, s7: or simulated: (was '" + url + "')");
        }
        String protocolCode = protocol != null && protocol.matches() ? protocol.group(1) : null;
        OpcUaSecurity security = security(f, path, url);
        if (url != null && url.startsWith("opcua:")) {
            opcUaUrlOptions(f.node("url"), path + ".url", url, security);
        }
        Duration connectTimeout = duration(f, "connect-timeout", ConnectionConfig.DEFAULT_CONNECT_TIMEOUT);
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
                TagConfig tag = tag(tagNode, path + ".tags[" + i + "]", id, protocolCode);
                if (tag != null) {
                    String earlier = tagIds.putIfAbsent(tag.id(), at(tagNode));
                    if (earlier != null) {
                        problem(tagNode, path + ".tags[" + i + "].id", "duplicate tag id '" + tag.id() + "' (first defined at " + earlier + ")");
                    }
                    tags.add(tag);
                }
            }
        }
        return new ConnectionConfig(id, url, connectTimeout, readTimeout, reconnectInitial, reconnectMax, security, tags);
    }

    /** Credentials and security options belong in the security block, where they are not shown or logged. */
    private void opcUaUrlOptions(Node node, String path, String url, OpcUaSecurity security) {
        int query = url.indexOf('?');
        if (query < 0) {
            return;
        }
        for (String option : url.substring(query + 1).split("&")) {
            String key = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : "";
            if (SECURITY_OPTIONS.contains(key)) {
                problem(node, path, "option '" + key + "' does not belong in the URL (shown on the status page and in logs):"
                        + " use the connection's security block");
            } else if (key.equals("discovery") && value.equalsIgnoreCase("true") && security != null && security.secured()) {
                problem(node, path, "discovery=true with a security policy: the server certificate is pinned by"
                        + " security.server-certificate, remove discovery or set it to false");
            }
        }
    }

    /** The connection's {@code security} block (OPC UA only); null when absent. */
    private OpcUaSecurity security(Fields connection, String path, String url) {
        MappingNode node = connection.mapping("security");
        if (node == null) {
            return null;
        }
        String at = path + ".security";
        if (url != null && !url.startsWith("opcua:")) {
            problem(node, at, "only OPC UA connections (opcua:) have a security block");
        }
        Fields f = fields(node, at + ".", Set.of("policy", "mode", "key-store", "key-store-type", "key-store-password",
                "server-certificate", "username", "password"));
        OpcUaSecurity.Policy policy = OpcUaSecurity.Policy.NONE;
        String policyText = expanded(f, "policy", true);
        if (policyText != null) {
            try {
                policy = OpcUaSecurity.Policy.fromUaName(policyText);
            } catch (IllegalArgumentException e) {
                problem(f.node("policy"), f.path("policy"), "must be one of "
                        + Arrays.stream(OpcUaSecurity.Policy.values()).map(OpcUaSecurity.Policy::uaName).toList()
                        + " (was '" + policyText + "')");
                policy = null;
            }
        }
        String username = expanded(f, "username", false);
        String password = expanded(f, "password", false);
        if (f.has("username") != f.has("password")) {
            problem(node, at, f.has("password") ? "password needs a username" : "username needs a password");
        }
        if (policy == OpcUaSecurity.Policy.NONE) {
            for (String key : List.of("mode", "key-store", "key-store-type", "key-store-password", "server-certificate")) {
                if (f.has(key)) {
                    problem(f.node(key), f.path(key), "has no effect with policy None");
                }
            }
            if (username != null) {
                // PLC4X 0.13.1 encrypts the password with the server certificate, which it only has on a secured
                // channel: with policy None it fails every connect (NullPointerException) and never says why.
                problem(node, at, "a username and password need a security policy other than None"
                        + " (the OPC UA driver cannot send a password over an unsecured channel)");
            }
            return new OpcUaSecurity(policy, null, null, null, null, null, username, password);
        }
        // an unknown policy is reported above; the rest is checked as for a secured channel
        OpcUaSecurity.MessageMode mode = OpcUaSecurity.MessageMode.SIGN_AND_ENCRYPT;
        String modeText = expanded(f, "mode", false);
        if (modeText != null) {
            try {
                mode = OpcUaSecurity.MessageMode.fromPlanName(modeText);
            } catch (IllegalArgumentException e) {
                problem(f.node("mode"), f.path("mode"), "must be sign or sign-and-encrypt (was '" + modeText + "')");
            }
        }
        Path keyStore = absolutePath(f, "key-store");
        String keyStoreType = expanded(f, "key-store-type", false);
        String keyStorePassword = expanded(f, "key-store-password", true);
        Path serverCertificate = absolutePath(f, "server-certificate");
        return policy == null ? null : new OpcUaSecurity(policy, mode, keyStore, keyStoreType == null ? "pkcs12" : keyStoreType,
                keyStorePassword, serverCertificate, username, password);
    }

    private Path absolutePath(Fields f, String key) {
        String text = expanded(f, key, true);
        if (text == null) {
            return null;
        }
        Path path = Path.of(text);
        if (!path.isAbsolute()) {
            problem(f.node(key), f.path(key), "must be an absolute path (was '" + text + "')");
        }
        return path;
    }

    /** A value with its {@code ${NAME}} references replaced by the environment; null if missing or unresolvable. */
    private String expanded(Fields f, String key, boolean required) {
        String text = f.text(key, required);
        if (text == null) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        Matcher reference = ENV_REFERENCE.matcher(text);
        boolean resolved = true;
        while (reference.find()) {
            String replacement = "$";
            String name = reference.group(1);
            if (name != null && !ENV_NAME.matcher(name).matches()) {
                problem(f.node(key), f.path(key), "'${" + name + "}' is not an environment variable name");
                resolved = false;
            } else if (name != null) {
                replacement = environment.apply(name);
                if (replacement == null) {
                    problem(f.node(key), f.path(key), "environment variable " + name + " is not set");
                    resolved = false;
                    replacement = "";
                }
            }
            reference.appendReplacement(value, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(value);
        if (!resolved) {
            return null;
        }
        if (value.isEmpty() && required) {
            problem(f.node(key), f.path(key), "must not be empty");
            return null;
        }
        return value.isEmpty() ? null : value.toString();
    }

    private TagConfig tag(Node node, String path, String connectionId, String protocol) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping (id, address, scan, ...)");
            return null;
        }
        Fields f = fields(mapping, path + ".", Set.of("id", "address", "scan", "type", "unit", "deadband", "asset", "class",
                "range", "aggregate", "states", "faults"));
        String id = id(f, "id");
        String address = f.text("address", true);
        if (address != null && protocol != null) {
            TagAddressCheck.problem(protocol, address).ifPresent(problem -> problem(f.node("address"), path + ".address", problem));
        }
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
        boolean signal = f.has("states") || f.has("faults");
        TagClass tagClass = enumValue(f, "class", TagClass.class, signal ? TagClass.EVENT : TagClass.TELEMETRY);
        if (signal && tagClass != TagClass.EVENT) {
            problem(f.node("class"), path + ".class", "a tag with states or faults is a machine signal and must be class EVENT");
        }
        BigDecimal[] range = range(f, path, type);
        Duration aggregate = null;
        if (f.has("aggregate")) {
            aggregate = duration(f, "aggregate", null);
            if (type != TagDataType.NUMBER) {
                problem(f.node("aggregate"), path + ".aggregate", "only number tags can be aggregated");
            } else if (tagClass != TagClass.TELEMETRY) {
                problem(f.node("aggregate"), path + ".aggregate", "EVENT tags are forwarded on change and cannot be aggregated");
            } else if (deadband.signum() > 0) {
                problem(f.node("aggregate"), path + ".aggregate", "aggregate and deadband exclude each other (an aggregate uses every read)");
            } else if (aggregate != null && scan != null && aggregate.compareTo(scan) <= 0) {
                problem(f.node("aggregate"), path + ".aggregate", "must be longer than the scan interval (" + scan.toMillis() + "ms)");
            }
        }
        Map<String, MachineState> states = states(f, path);
        Map<String, TagConfig.FaultCode> faults = faults(f, path);
        return new TagConfig(id, connectionId, address, scan, type, unit, deadband, asset, tagClass, range[0], range[1],
                aggregate, states, faults);
    }

    private BigDecimal[] range(Fields f, String path, TagDataType type) {
        MappingNode node = f.mapping("range");
        if (node == null) {
            return new BigDecimal[2];
        }
        if (type != TagDataType.NUMBER) {
            problem(node, path + ".range", "only number tags have a range");
        }
        Fields r = fields(node, path + ".range.", Set.of("min", "max"));
        BigDecimal min = decimal(r, "min");
        BigDecimal max = decimal(r, "max");
        if (min == null && max == null) {
            problem(node, path + ".range", "needs min, max or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            problem(node, path + ".range", "min (" + min.toPlainString() + ") is greater than max (" + max.toPlainString() + ")");
        }
        return new BigDecimal[] {min, max};
    }

    private BigDecimal decimal(Fields f, String key) {
        String text = f.text(key, false);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problem(f.node(key), f.path(key), "must be a number (was '" + text + "')");
            return null;
        }
    }

    /** {@code states: {running: [1], idle: [0], fault: [2, 3]}}: which values of the tag mean which machine state. */
    private Map<String, MachineState> states(Fields f, String path) {
        MappingNode node = f.mapping("states");
        if (node == null) {
            return Map.of();
        }
        Map<String, MachineState> states = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            MachineState state;
            try {
                state = MachineState.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(tuple.getKeyNode(), path + ".states." + name, "must be one of " + List.of(MachineState.values()));
                continue;
            }
            if (state == MachineState.UNKNOWN) {
                problem(tuple.getKeyNode(), path + ".states." + name, "UNKNOWN is what an unreadable or unmapped signal means; it cannot be mapped");
                continue;
            }
            List<ScalarNode> values = new ArrayList<>();
            if (tuple.getValueNode() instanceof ScalarNode scalar) {
                values.add(scalar);
            } else if (tuple.getValueNode() instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (item instanceof ScalarNode scalar) {
                        values.add(scalar);
                    } else {
                        problem(item, path + ".states." + name, "values must be single values");
                    }
                }
            } else {
                problem(tuple.getValueNode(), path + ".states." + name, "must be a value or a list of values");
            }
            for (ScalarNode value : values) {
                MachineState earlier = states.putIfAbsent(TagConfig.valueKey(value.getValue()), state);
                if (earlier != null) {
                    problem(value, path + ".states." + name, "value " + value.getValue() + " already means " + earlier);
                }
            }
        }
        if (states.isEmpty()) {
            problem(node, path + ".states", "needs at least one state with its values");
        }
        return states;
    }

    /** {@code faults: {17: {text: Hydraulic pressure low, severity: critical}}}; code 0 / empty means no fault. */
    private Map<String, TagConfig.FaultCode> faults(Fields f, String path) {
        MappingNode node = f.mapping("faults");
        if (node == null) {
            return Map.of();
        }
        Map<String, TagConfig.FaultCode> faults = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String code = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            String codePath = path + ".faults." + code;
            if (code.isBlank() || TagConfig.valueKey(code).equals("0")) {
                problem(tuple.getKeyNode(), codePath, "code 0 means 'no fault' and cannot be mapped");
                continue;
            }
            if (!(tuple.getValueNode() instanceof MappingNode meaning)) {
                problem(tuple.getValueNode(), codePath, "must be a mapping with text and severity");
                continue;
            }
            Fields m = fields(meaning, codePath + ".", Set.of("text", "severity"));
            String text = m.text("text", true);
            AlertSeverity severity = enumValue(m, "severity", AlertSeverity.class, AlertSeverity.WARNING);
            faults.put(TagConfig.valueKey(code), new TagConfig.FaultCode(text, severity));
        }
        if (faults.isEmpty()) {
            problem(node, path + ".faults", "needs at least one fault code");
        }
        return faults;
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

        boolean has(String key) {
            return byKey.containsKey(key);
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
