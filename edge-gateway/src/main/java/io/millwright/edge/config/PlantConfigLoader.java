package io.millwright.edge.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a plant YAML file into a {@link PlantConfig}. Works on SnakeYAML's node tree (not data binding) so that
 * every problem - a missing or unknown field, a bad value, a duplicate id - is reported with its line and column;
 * all problems of a file are reported at once ({@link PlantFileProblems}).
 *
 * <p>The parts: {@link YamlFields} reads the fields of one mapping, {@link ConnectionReader} a connection,
 * {@link OpcUaSecurityReader} its security block (values may name environment variables,
 * {@link EnvironmentReferences}), {@link TagReader} a tag with its address checked by the driver
 * ({@link TagAddressCheck}), {@link MachineSignalReader} a tag's states and faults. What needs the whole plant
 * (unique connection ids, one state and one fault signal per asset) is checked here.
 */
public final class PlantConfigLoader {

    private final PlantFileProblems problems;
    private final ConnectionReader connections;

    private PlantConfigLoader(String source, Function<String, String> environment) {
        this.problems = new PlantFileProblems(source);
        this.connections = new ConnectionReader(problems,
                new OpcUaSecurityReader(problems, new EnvironmentReferences(environment)),
                new TagReader(problems, new MachineSignalReader(problems)));
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
            throw new PlantConfigException(problems.source(), List.of(problems.at(mark) + ": not valid YAML: " + e.getProblem()));
        }
        if (!(root instanceof MappingNode)) {
            throw new PlantConfigException(problems.source(), List.of(root == null ? "file is empty"
                    : problems.at(root) + ": expected a mapping with 'plant' and 'connections'"));
        }
        YamlFields plant = YamlFields.read((MappingNode) root, "", Set.of("plant", "connections"), problems);
        String plantId = plant.id("plant");
        Map<String, String> tagIds = new HashMap<>();
        List<ConnectionConfig> read = connections(plant.sequence("connections", true), tagIds);
        oneSignalPerAsset(read, tagIds);
        problems.throwIfAny();
        return new PlantConfig(plantId, read);
    }

    private List<ConnectionConfig> connections(SequenceNode list, Map<String, String> tagIds) {
        List<ConnectionConfig> read = new ArrayList<>();
        if (list == null) {
            return read;
        }
        if (list.getValue().isEmpty()) {
            problems.add(list, "connections", "needs at least one connection");
        }
        Map<String, String> connectionIds = new HashMap<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node node = list.getValue().get(i);
            ConnectionConfig connection = connections.read(node, "connections[" + i + "]", tagIds);
            if (connection != null) {
                String earlier = connectionIds.putIfAbsent(connection.id(), problems.at(node));
                if (earlier != null) {
                    problems.add(node, "connections[" + i + "].id",
                            "duplicate connection id '" + connection.id() + "' (first defined at " + earlier + ")");
                }
                read.add(connection);
            }
        }
        return read;
    }

    /** An asset has one state signal and one fault-code signal at most, else its state would flap between them. */
    private void oneSignalPerAsset(List<ConnectionConfig> connections, Map<String, String> tagLocations) {
        Map<String, String> stateTags = new HashMap<>();
        Map<String, String> faultTags = new HashMap<>();
        connections.stream().flatMap(c -> c.tags().stream()).forEach(tag -> {
            if (tag.isStateSignal()) {
                String earlier = stateTags.putIfAbsent(tag.assetId(), tag.id());
                if (earlier != null) {
                    problems.add(tagLocations.get(tag.id()), tag.id() + ".states: asset '" + tag.assetId()
                            + "' already has its state signal in tag " + earlier);
                }
            }
            if (tag.isFaultSignal()) {
                String earlier = faultTags.putIfAbsent(tag.assetId(), tag.id());
                if (earlier != null) {
                    problems.add(tagLocations.get(tag.id()), tag.id() + ".faults: asset '" + tag.assetId()
                            + "' already has its fault-code signal in tag " + earlier);
                }
            }
        });
    }
}
