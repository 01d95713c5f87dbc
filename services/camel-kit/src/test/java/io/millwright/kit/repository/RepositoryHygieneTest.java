package io.millwright.kit.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What the repository must never hold: secrets (private keys, tokens, literal passwords) in tracked files, and source
 * files that git ignores (they exist on one machine only, and a fresh clone does not build). Reads the checkout with
 * {@code git ls-files}.
 */
class RepositoryHygieneTest {

    /** Kinds of secret, each recognisable by its form. */
    private static final Map<String, Pattern> SECRET_FORMS = Map.of(
            "private key", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----"),
            "JSON web token", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            "AWS access key", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            "GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}"),
            "Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            "Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"));

    /**
     * A literal assigned to something named like a secret: {@code password=...}, {@code SECRET: ...},
     * {@code PASSWORD = "..."}. Values that refer to something else ({@code ${VAR}}, {@code $VAR}, a call, a
     * placeholder) are not literals.
     */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)\\b[\\w.-]*(password|passwd|secret|token|api[_-]?key|credentials?)[\\w.-]*[\"']?\\s*[:=]\\s*[\"']([^\"'\\s$<>{}()]{6,})[\"']"
                    + "|(?i)\\b[\\w.-]*(password|passwd|secret|api[_-]?key)[\\w.-]*\\s*=\\s*([^\"'\\s$<>{}(),;]{6,})\\s*$");

    /**
     * Literal passwords that only protect infrastructure a test makes while it runs (keystores it generates, SCRAM
     * users of its own broker, the OIDC test server's client): not secrets of anything that exists outside a test.
     */
    private static final Map<String, String> TEST_FIXTURES = Map.of(
            "plant-tls-secret", "edge-gateway KafkaTlsTest: keystores made by the test",
            "line1-Pa55:word&=", "edge-gateway OpcUaSecurityTest: the OPC UA server's user made by the test",
            "not-the-password", "edge-gateway OpcUaSecurityTest: a wrong password, on purpose",
            "key-store-Pa55", "edge-gateway OpcUaSecurityTest: a keystore made by the test",
            "millwright-test", "kit KafkaBroker: keystores of the test broker, made at start",
            "edge-gateway-test-secret", "kit KafkaBroker: SCRAM user of the test broker",
            "secret&discovery=false", "edge-gateway PlantConfigLoaderTest: a plant file under test",
            "secret", "kit IdentityProvider: the client quarkus-test-oidc-server's token endpoint knows");

    @Test
    void noTrackedFileHoldsASecret() throws Exception {
        Path root = checkoutRoot();
        List<String> findings = new ArrayList<>();
        for (String file : git(root, "ls-files", "-z").split("\0")) {
            if (file.isBlank() || file.equals(SELF)) {
                continue;
            }
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path) || Files.size(path) > 2_000_000) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(path);
            if (isBinary(bytes)) {
                continue;
            }
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                for (Map.Entry<String, Pattern> form : SECRET_FORMS.entrySet()) {
                    if (form.getValue().matcher(line).find()) {
                        findings.add(file + ":" + (i + 1) + ": " + form.getKey());
                    }
                }
                Matcher assignment = SECRET_ASSIGNMENT.matcher(line);
                while (assignment.find()) {
                    String value = assignment.group(2) != null ? assignment.group(2) : assignment.group(4);
                    if (value != null && !isFixture(file, value) && !looksLikeAName(value)) {
                        findings.add(file + ":" + (i + 1) + ": a literal password, secret or token (" + abbreviate(value) + ")");
                    }
                }
            }
        }
        assertThat(findings).as("secrets in tracked files: move them to the environment (the local run makes its own in"
                + " .local/secrets.env); a test makes its fixtures at test time").isEmpty();
    }

    @Test
    void gitIgnoresNoSourceFile() throws Exception {
        Path root = checkoutRoot();
        String ignored = git(root, "ls-files", "--others", "--ignored", "--exclude-standard", "--", "*/src/*", "src/*");
        assertThat(ignored.lines().toList()).as("files under src/ that git ignores (a fresh clone would miss them)").isEmpty();
    }

    /** This test names the forms it looks for. */
    private static final String SELF = "services/camel-kit/src/test/java/io/millwright/kit/repository/RepositoryHygieneTest.java";

    private static boolean isFixture(String file, String value) {
        return file.contains("/src/test/") && TEST_FIXTURES.containsKey(value);
    }

    /** A constant or property name, an environment variable's name, a class: what a secret is called, not a secret. */
    private static boolean looksLikeAName(String value) {
        return value.matches("[A-Z][A-Z0-9_]*") || value.matches("[a-z]+(\\.[a-z0-9-]+)+")
                || value.matches("[A-Za-z]+\\.[A-Za-z]+\\(?.*");
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String value) {
        return value.length() <= 4 ? "****" : value.substring(0, 2) + "…" + value.length() + " characters";
    }

    private static Path checkoutRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside a git checkout of Millwright: " + Path.of("").toAbsolutePath());
    }

    private static String git(Path root, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("git %s finished", List.of(arguments)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", List.of(arguments), output).isZero();
        return output;
    }
}
