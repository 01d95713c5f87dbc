package io.millwright.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.millwright.model.security.Roles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The OpenID Connect provider of the tests: Quarkus's OIDC test server ({@link OidcWiremockTestResource}, discovery,
 * JWKS and a token endpoint on a free port), one per test JVM, shared by every {@code @QuarkusTest} and every packaged
 * service or simulator a test starts. Its tokens are signed with the test server's key, issued by {@link #ISSUER} for
 * the audience {@link #AUDIENCE}; {@link TestTokens} makes tokens with chosen roles, a client-credentials grant gets
 * one with every role. Started before the other resources, so simulators started by them can get tokens.
 */
public class IdentityProvider implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "millwright";
    /** The client the test server's token endpoint knows (fixed in quarkus-test-oidc-server). */
    static final String CLIENT_ID = "quarkus-app";
    static final String CLIENT_SECRET = "secret";
    /** The test server's realm URL, {@code .../auth/realms/quarkus}, once it runs in this JVM. */
    public static final String REALM_URL_PROPERTY = "millwright.test.oidc.realm-url";

    private static OidcWiremockTestResource server;

    @Override
    public Map<String, String> start() {
        String realm = realmUrl();
        // the test server's client for the client-credentials grant (a service calling another one)
        return Map.of("keycloak.url", realm.substring(0, realm.length() - "/realms/quarkus".length()),
                "quarkus.oidc-client.client-id", CLIENT_ID,
                "quarkus.oidc-client.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        // shared by the whole test JVM; stopped by a shutdown hook
    }

    @Override
    public int order() {
        return -100;
    }

    /** The realm URL of the running test server, started on first use. */
    public static synchronized String realmUrl() {
        String known = System.getProperty(REALM_URL_PROPERTY);
        if (known != null && answers(known + "/.well-known/openid-configuration")) {
            return known;
        }
        // tokens of the client-credentials grant (services, simulators) carry every role and the platform's audience
        System.setProperty("quarkus.test.oidc.token.admin-roles", String.join(",", Roles.ALL));
        System.setProperty("quarkus.test.oidc.token.audience", AUDIENCE);
        System.setProperty("quarkus.test.oidc.token.issuer", ISSUER);
        server = new OidcWiremockTestResource();
        String realm = server.start().get("keycloak.url") + "/realms/quarkus";
        OidcWiremockTestResource started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "oidc-test-server-stop"));
        System.setProperty(REALM_URL_PROPERTY, realm);
        return realm;
    }

    /**
     * System properties for a packaged service a test starts ({@link ServiceProcess}): accept this provider's tokens and,
     * for calls to other services, get its own with client credentials.
     */
    public static Map<String, String> serviceProperties() {
        String realm = realmUrl();
        return Map.of("quarkus.oidc.auth-server-url", realm,
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc-client.auth-server-url", realm,
                "quarkus.oidc-client.client-id", CLIENT_ID,
                "quarkus.oidc-client.credentials.secret", CLIENT_SECRET);
    }

    private static boolean answers(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return TestInfrastructure.HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
