package io.millwright.edge.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * A connection's {@code security} block (OPC UA only) and the URL options it replaces: passwords and key stores are
 * given in the block, where they can name environment variables and are never shown or logged, not in the URL.
 */
final class OpcUaSecurityReader {

    /** Driver options a connection's {@code security} block sets; in the URL they would be shown and logged. */
    private static final Set<String> SECURITY_OPTIONS = Set.of("security-policy", "message-security", "key-store-file",
            "key-store-type", "key-store-password", "server-certificate-file", "trust-store-file", "trust-store-type",
            "trust-store-password", "username", "password");

    private final PlantFileProblems problems;
    private final EnvironmentReferences environment;

    OpcUaSecurityReader(PlantFileProblems problems, EnvironmentReferences environment) {
        this.problems = problems;
        this.environment = environment;
    }

    /** The connection's {@code security} block; null when absent. */
    OpcUaSecurity read(YamlFields connection, String path, String url) {
        MappingNode node = connection.mapping("security");
        if (node == null) {
            return null;
        }
        String at = path + ".security";
        if (url != null && !url.startsWith("opcua:")) {
            problems.add(node, at, "only OPC UA connections (opcua:) have a security block");
        }
        YamlFields f = YamlFields.read(node, at + ".", Set.of("policy", "mode", "key-store", "key-store-type",
                "key-store-password", "server-certificate", "username", "password"), problems);
        OpcUaSecurity.Policy policy = OpcUaSecurity.Policy.NONE;
        String policyText = environment.expanded(f, "policy", true);
        if (policyText != null) {
            try {
                policy = OpcUaSecurity.Policy.fromUaName(policyText);
            } catch (IllegalArgumentException e) {
                f.problem("policy", "must be one of "
                        + Arrays.stream(OpcUaSecurity.Policy.values()).map(OpcUaSecurity.Policy::uaName).toList()
                        + " (was '" + policyText + "')");
                policy = null;
            }
        }
        String username = environment.expanded(f, "username", false);
        String password = environment.expanded(f, "password", false);
        if (f.has("username") != f.has("password")) {
            problems.add(node, at, f.has("password") ? "password needs a username" : "username needs a password");
        }
        if (policy == OpcUaSecurity.Policy.NONE) {
            for (String key : List.of("mode", "key-store", "key-store-type", "key-store-password", "server-certificate")) {
                if (f.has(key)) {
                    f.problem(key, "has no effect with policy None");
                }
            }
            if (username != null) {
                // PLC4X 0.13.1 encrypts the password with the server certificate, which it only has on a secured
                // channel: with policy None it fails every connect (NullPointerException) and never says why.
                problems.add(node, at, "a username and password need a security policy other than None"
                        + " (the OPC UA driver cannot send a password over an unsecured channel)");
            }
            return new OpcUaSecurity(policy, null, null, null, null, null, username, password);
        }
        // an unknown policy is reported above; the rest is checked as for a secured channel
        OpcUaSecurity.MessageMode mode = OpcUaSecurity.MessageMode.SIGN_AND_ENCRYPT;
        String modeText = environment.expanded(f, "mode", false);
        if (modeText != null) {
            try {
                mode = OpcUaSecurity.MessageMode.fromPlanName(modeText);
            } catch (IllegalArgumentException e) {
                f.problem("mode", "must be sign or sign-and-encrypt (was '" + modeText + "')");
            }
        }
        Path keyStore = absolutePath(f, "key-store");
        String keyStoreType = environment.expanded(f, "key-store-type", false);
        String keyStorePassword = environment.expanded(f, "key-store-password", true);
        Path serverCertificate = absolutePath(f, "server-certificate");
        return policy == null ? null : new OpcUaSecurity(policy, mode, keyStore, keyStoreType == null ? "pkcs12" : keyStoreType,
                keyStorePassword, serverCertificate, username, password);
    }

    /** Credentials and security options belong in the security block, where they are not shown or logged. */
    void checkUrlOptions(YamlFields connection, String url, OpcUaSecurity security) {
        int query = url.indexOf('?');
        if (query < 0) {
            return;
        }
        for (String option : url.substring(query + 1).split("&")) {
            String key = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : "";
            if (SECURITY_OPTIONS.contains(key)) {
                connection.problem("url", "option '" + key + "' does not belong in the URL (shown on the status page and in logs):"
                        + " use the connection's security block");
            } else if (key.equals("discovery") && value.equalsIgnoreCase("true") && security != null && security.secured()) {
                connection.problem("url", "discovery=true with a security policy: the server certificate is pinned by"
                        + " security.server-certificate, remove discovery or set it to false");
            }
        }
    }

    private Path absolutePath(YamlFields f, String key) {
        String text = environment.expanded(f, key, true);
        if (text == null) {
            return null;
        }
        Path path = Path.of(text);
        if (!path.isAbsolute()) {
            f.problem(key, "must be an absolute path (was '" + text + "')");
        }
        return path;
    }
}
