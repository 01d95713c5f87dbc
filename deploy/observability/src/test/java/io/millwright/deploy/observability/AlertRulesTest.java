package io.millwright.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules are what Prometheus accepts (promtool check rules), each fires on the series that should raise it
 * and stays quiet on the others (promtool test rules, tests/millwright-alerts.test.yml), every rule has a test, and
 * every runbook link leads to a section of docs/operations.md. promtool comes with Debian's prometheus package;
 * .ci/run installs it on a machine that lacks it.
 */
class AlertRulesTest {

    private static final Path RULES = Path.of("prometheus/millwright-alerts.yml");
    private static final Path TESTS = Path.of("prometheus/tests/millwright-alerts.test.yml");
    private static final Path OPERATIONS = Path.of("../../docs/operations.md");

    @Test
    void prometheusAcceptsTheRules() throws Exception {
        String out = promtool("check", "rules", RULES.toString());
        assertThat(out).contains("SUCCESS: " + alerts().size() + " rules found");
    }

    @Test
    void everyAlertFiresAndStaysQuietAsItsUnitTestsSay() throws Exception {
        String out = promtool("test", "rules", TESTS.toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedAndHasARunbookSection() throws IOException {
        Set<String> tested = new LinkedHashSet<>();
        Map<String, Object> tests = new Yaml().load(Files.readString(TESTS));
        for (Object test : (List<?>) tests.get("tests")) {
            for (Object check : (List<?>) ((Map<?, ?>) test).get("alert_rule_test")) {
                tested.add((String) ((Map<?, ?>) check).get("alertname"));
            }
        }
        Set<String> anchors = anchors(Files.readString(OPERATIONS));
        for (Map<?, ?> alert : alerts()) {
            String name = (String) alert.get("alert");
            assertThat(tested).as("a unit test of %s", name).contains(name);
            String runbook = (String) ((Map<?, ?>) alert.get("annotations")).get("runbook_url");
            assertThat(runbook).as("runbook of %s", name).startsWith("docs/operations.md#");
            assertThat(anchors).as("the section %s names", runbook).contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    private static List<Map<?, ?>> alerts() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES));
        List<Map<?, ?>> alerts = new ArrayList<>();
        for (Object group : (List<?>) file.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                alerts.add((Map<?, ?>) rule);
            }
        }
        return alerts;
    }

    /** The anchors of a Markdown page's headings, as GitHub makes them. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not installed: it comes with Debian's prometheus package "
                    + "(apt-get install prometheus; .ci/run installs it)", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", args) + " did not finish within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
        return out;
    }
}
