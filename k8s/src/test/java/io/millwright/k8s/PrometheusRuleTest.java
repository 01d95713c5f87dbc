package io.millwright.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The PrometheusRule is the plain rules file (deploy/observability/prometheus/millwright-alerts.yml, tested with
 * promtool there) wrapped for prometheus-operator: same groups, same rules. After changing the rules file,
 * regenerate it with {@code ./mvnw -pl k8s -am verify -Dtest=PrometheusRuleTest -Dk8s.regenerate=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PrometheusRuleTest {

    private static final Path RULES = Manifests.ROOT.resolve("deploy/observability/prometheus/millwright-alerts.yml");
    private static final Path RULE = Manifests.K8S.resolve("base/monitoring/prometheus-rule.yaml");

    @Test
    void thePrometheusRuleCarriesExactlyTheRulesFile() throws IOException {
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(RULE, generate());
        }
        Map<String, Object> rule = Manifests.loadAll(Manifests.read(RULE)).get(0);
        Map<String, Object> rules = Manifests.loadAll(Manifests.read(RULES)).get(0);
        assertThat(rule.get("kind")).isEqualTo("PrometheusRule");
        assertThat(Manifests.map(rule, "spec").get("groups")).as("regenerate with -Dk8s.regenerate=true")
                .isEqualTo(rules.get("groups"));
        assertThat((List<?>) rules.get("groups")).isNotEmpty();
    }

    private static String generate() {
        Map<String, Object> rules = Manifests.loadAll(Manifests.read(RULES)).get(0);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "monitoring.coreos.com/v1");
        resource.put("kind", "PrometheusRule");
        resource.put("metadata", Map.of("name", "millwright-alerts"));
        resource.put("spec", Map.of("groups", rules.get("groups")));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(160);
        return "# Generated from deploy/observability/prometheus/millwright-alerts.yml by PrometheusRuleTest (k8s/src/test):\n"
                + "# edit the rules file, then regenerate (-Dk8s.regenerate=true); the test fails while they differ.\n"
                + new Yaml(options).dump(resource);
    }
}
