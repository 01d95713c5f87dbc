package io.millwright.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The overlays as a cluster would receive them: rendered by {@code kubectl kustomize}, read as plain maps. */
final class Manifests {

    static final Path K8S = Path.of("").toAbsolutePath();
    static final Path ROOT = K8S.getParent();
    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("order-service", "production-service", "inventory-service",
            "quality-service", "maintenance-service");

    private Manifests() {
    }

    /** Every resource of an overlay, in kustomize's order. */
    static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String out = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kustomize.waitFor(60, TimeUnit.SECONDS) || kustomize.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize overlays/" + overlay + " failed:\n" + out);
        }
        return loadAll(out);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> loadAll(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(yaml)) {
            if (document != null) {
                resources.add((Map<String, Object>) document);
            }
        }
        return resources;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    static Optional<Map<String, Object>> named(List<Map<String, Object>> resources, String kind, String name) {
        return ofKind(resources, kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    static String name(Map<String, Object> resource) {
        return (String) map(resource, "metadata").get("name");
    }

    /** The map under a path of keys; empty when a key is absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return Map.of();
            }
            current = m.get(key);
        }
        return current instanceof Map<?, ?> ? (Map<String, Object>) current : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        Object value = node.get(key);
        return value instanceof List<?> ? (List<Map<String, Object>>) value : List.of();
    }

    /** The first container of a Deployment (every Millwright pod has one). */
    static Map<String, Object> container(Map<String, Object> deployment) {
        return list(map(deployment, "spec", "template", "spec"), "containers").get(0);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }
}
