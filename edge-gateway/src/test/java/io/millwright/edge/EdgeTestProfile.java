package io.millwright.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A gateway with its own plant file and a fresh journal directory under {@code target/edge-data}; Kafka is the
 * test JVM's real broker. Subclasses name the plant file (and may write it, e.g. with a port).
 */
public abstract class EdgeTestProfile implements QuarkusTestProfile {

    protected abstract Path plantFile();

    protected Map<String, String> extraConfig() {
        return Map.of();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("millwright.edge.config", plantFile().toAbsolutePath().toString());
        config.put("millwright.edge.data-dir", freshDataDir().toString());
        config.putAll(extraConfig());
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        // the gateway has its own Kafka settings (millwright.edge.kafka.*): plaintext unless a test sets them
        // the platform's identity provider for the operator API's tokens (replay, discard)
        return List.of(new TestResourceEntry(IdentityProvider.class),
                new TestResourceEntry(KafkaResource.class, Map.of(KafkaResource.LISTENER, KafkaResource.PLAINTEXT)));
    }

    public static Path freshDataDir() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "edge-data"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "journal-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a plant file made by the test (e.g. with a server's port) to {@code target/plants/<name>}. */
    public static Path writePlantFile(String name, String yaml) {
        try {
            Path file = Files.createDirectories(Path.of("target", "plants")).resolve(name);
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/plants", name);
    }
}
