package io.millwright.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KeycloakServer;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.ServiceProperties;

/**
 * order-service, packaged, against the real Keycloak with the local run's realm file: a system's client-credentials
 * token and a person's token carry the roles the realm gives them, the service lets each in where its roles allow
 * and nowhere else, and refuses tokens Keycloak did not issue for this realm.
 */
class KeycloakIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KeycloakServer keycloak;
    private static ServiceProcess service;

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.start(Duration.ofSeconds(240));
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        Map<String, String> config = ServiceProperties.platform(db, KafkaBroker.shared().bootstrapServers(), erp);
        config.putAll(Map.of(
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "quarkus.oidc-client.client-id", "order-service",
                "quarkus.oidc-client.credentials.secret", keycloak.secret("ORDER_SERVICE_CLIENT_SECRET")));
        service = ServiceProcess.start("order-service", ServiceProcess.quarkusApp("services/order-service"), config, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void theCrmsClientCredentialsTokenMaySubmitOrdersAndAViewerMayOnlyRead() throws Exception {
        String crm = keycloak.clientToken("crm", "CRM_CLIENT_SECRET");
        String viewer = keycloak.userToken("viewer", "VIEWER_PASSWORD");
        String operator = keycloak.userToken("operator", "OPERATOR_PASSWORD");
        String mes = keycloak.clientToken("mes", "MES_CLIENT_SECRET");

        String crmOrderId = OrderFixtures.newCrmOrderId();
        String order = OrderFixtures.order("valid-order", crmOrderId);
        assertThat(send("POST", "/api/v1/orders", order, null).statusCode()).as("no token").isEqualTo(401);
        assertThat(send("POST", "/api/v1/orders", order, viewer).statusCode()).as("viewer may not submit").isEqualTo(403);
        assertThat(send("POST", "/api/v1/orders", order, mes).statusCode()).as("the MES may not submit").isEqualTo(403);
        HttpResponse<String> accepted = send("POST", "/api/v1/orders", order, crm);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        assertThat(send("GET", "/api/v1/orders?crmOrderId=" + crmOrderId, null, viewer).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/orders?crmOrderId=" + crmOrderId, null, crm).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/dead-letters", null, operator).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/dead-letters", null, crm).statusCode()).as("the CRM reads its orders, not dead letters")
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/dead-letters/" + java.util.UUID.randomUUID() + "/replay", null, viewer).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTokenKeycloakDidNotSignForThisRealmIsRefused() throws Exception {
        String crm = keycloak.clientToken("crm", "CRM_CLIENT_SECRET");
        String[] parts = crm.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(send("GET", "/api/v1/orders?crmOrderId=x", null, tampered).statusCode()).isEqualTo(401);
        // a token of the OIDC test server (another issuer, another key) is no token here
        assertThat(send("GET", "/api/v1/orders?crmOrderId=x", null,
                io.millwright.kit.testing.TestTokens.withRoles(io.millwright.kit.security.Roles.VIEWER)).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
