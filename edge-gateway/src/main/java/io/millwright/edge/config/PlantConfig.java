package io.millwright.edge.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One plant's acquisition setup, as read from its YAML file ({@link PlantConfigLoader}). */
public record PlantConfig(String plantId, List<ConnectionConfig> connections) {

    public PlantConfig {
        connections = List.copyOf(connections);
    }

    public Stream<TagConfig> tags() {
        return connections.stream().flatMap(c -> c.tags().stream());
    }

    public Optional<ConnectionConfig> connection(String id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
