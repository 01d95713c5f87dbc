package io.millwright.kit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real identity provider of the local run, for the tests that must meet it: the Keycloak server distribution
 * ({@code org.keycloak:keycloak-quarkus-dist}, a test dependency so Maven has it in the local repository) unpacked
 * under {@code target/}, started in development mode on a free port with the realm file of the local run
 * ({@code deploy/local/keycloak/millwright-realm.json}) and secrets made for this run.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.4.5";
    /** The secrets the realm file's placeholders name, made for this run. */
    public static final List<String> SECRETS = List.of("CRM_CLIENT_SECRET", "MES_CLIENT_SECRET", "WMS_CLIENT_SECRET",
            "QMS_CLIENT_SECRET", "EAM_CLIENT_SECRET", "ORDER_SERVICE_CLIENT_SECRET", "MAINTENANCE_SERVICE_CLIENT_SECRET", "CONSOLE_CLIENT_SECRET", "OPERATOR_PASSWORD",
            "VIEWER_PASSWORD");

    private final ChildJvm process;
    private final String baseUrl;
    private final Map<String, String> secrets;

    private KeycloakServer(ChildJvm process, String baseUrl, Map<String, String> secrets) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.secrets = secrets;
    }

    /** Unpacks (once per build), starts and waits until the realm {@code millwright} answers. */
    public static KeycloakServer start(Duration readyTimeout) {
        return start(readyTimeout, Map.of());
    }

    /**
     * As {@link #start(Duration)}, with more of the realm file's placeholders set, e.g. {@code CONSOLE_URL} (where the
     * operations console runs: its client's redirect URIs).
     */
    public static KeycloakServer start(Duration readyTimeout, Map<String, String> placeholders) {
        Path home = unpacked();
        Path imports = home.resolve("data/import");
        try {
            deleteTree(home.resolve("data/h2"));
            deleteTree(imports);
            Files.createDirectories(imports);
            Files.copy(TestInfrastructure.checkoutRoot().resolve("deploy/local/keycloak/millwright-realm.json"),
                    imports.resolve("millwright-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Keycloak's realm import in " + imports, e);
        }
        Map<String, String> secrets = new HashMap<>();
        SECRETS.forEach(name -> secrets.put(name, java.util.UUID.randomUUID().toString()));
        Map<String, String> environment = new HashMap<>(secrets);
        environment.putAll(placeholders);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", java.util.UUID.randomUUID().toString());
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        environment.put("JAVA_HOME", TestInfrastructure.javaExecutable().getParent().getParent().toString());
        int port = TestInfrastructure.freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        ChildJvm process = ChildJvm.launch("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--hostname=" + baseUrl, "--import-realm"), ShutdownCleanup.KIND_SERVICE, environment);
        KeycloakServer server = new KeycloakServer(process, baseUrl, secrets);
        try {
            server.awaitRealm(readyTimeout);
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>/realms/millwright}: the issuer of its tokens. */
    public String realmUrl() {
        return baseUrl + "/realms/millwright";
    }

    /**
     * Properties of a simulators app whose MES, WMS and QMS get client-credentials tokens from this Keycloak as the
     * realm's clients {@code mes}, {@code wms} and {@code qms} ({@link ErpSimulator#sharedWith}).
     */
    public Map<String, String> simulatorTokenClients() {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (String system : new String[] { "mes", "wms", "qms" }) {
            properties.put("quarkus.oidc-client." + system + ".client-enabled", "true");
            properties.put("quarkus.oidc-client." + system + ".auth-server-url", realmUrl());
            properties.put("quarkus.oidc-client." + system + ".client-id", system);
            properties.put("quarkus.oidc-client." + system + ".credentials.secret", secret(system.toUpperCase(java.util.Locale.ROOT) + "_CLIENT_SECRET"));
        }
        return properties;
    }

    /**
     * Properties of a packaged service that accepts this Keycloak's tokens and, when {@code clientSecretName} is given,
     * gets its own for calls to other services as the realm's client of its name.
     */
    public Map<String, String> serviceProperties(String service, String clientSecretName) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("quarkus.oidc.auth-server-url", realmUrl());
        properties.put("quarkus.oidc-client.auth-server-url", realmUrl());
        if (clientSecretName != null) {
            properties.put("quarkus.oidc-client.client-id", service);
            properties.put("quarkus.oidc-client.credentials.secret", secret(clientSecretName));
        }
        return properties;
    }

    public String secret(String name) {
        return secrets.get(name);
    }

    /** An access token of a system by client credentials (e.g. {@code crm} with {@code CRM_CLIENT_SECRET}). */
    public String clientToken(String clientId, String secretName) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret(secretName)));
    }

    /** An access token of a person (password grant of the CLI client, as the local run's README shows). */
    public String userToken(String user, String passwordName) {
        return token(Map.of("grant_type", "password", "client_id", "millwright-cli", "username", user, "password", secret(passwordName)));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    private String token(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = TestInfrastructure.HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl()
                    + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + form.get("grant_type") + "): " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode answer = new ObjectMapper().readTree(response.body());
            return answer.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitRealm(Duration timeout) {
        URI discovery = URI.create(realmUrl() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up (" + process.exitDescription() + ")\n"
                        + TestInfrastructure.tail(process.logFile(), 60));
            }
            try {
                HttpResponse<String> response = TestInfrastructure.HTTP.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process.awaitExit(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak's realm millwright did not answer within " + timeout.toSeconds() + " s (" + last
                + ")\n" + TestInfrastructure.tail(process.logFile(), 60));
    }

    /** {@code target/keycloak-<version>}, unpacked from the distribution in the local Maven repository. */
    private static synchronized Path unpacked() {
        Path home = TestInfrastructure.buildDir().resolve("keycloak-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path repository = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        Path zip = repository.resolve("org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Keycloak distribution at " + zip + ": the module declares"
                    + " org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip as a test dependency, so ./mvnw verify fetches it");
        }
        Path parent = home.getParent();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                Path target = parent.resolve(entry.getName()).normalize();
                if (!target.startsWith(parent)) {
                    throw new IllegalStateException("Unexpected entry in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip, e);
        }
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(zip + " did not unpack to " + home);
        }
        return home;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
