package io.millwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.kit.testing.KeycloakServer;
import io.millwright.kit.testing.ServiceProcess;


/**
 * The packaged platform against the real Keycloak with the local run's realm file ({@link RunningPlatform}), seen at
 * order-service: a system's client-credentials token and a person's token carry the roles the realm gives them, the
 * service lets each in where its roles allow and nowhere else, refuses tokens Keycloak did not issue for this realm,
 * and Swagger UI logs in with the authorization code and PKCE.
 */
class PlatformIdentityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KeycloakServer keycloak;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        keycloak = platform.keycloak;
        service = platform.services.order();
    }

    @Test
    void theCrmsClientCredentialsTokenMaySubmitOrdersAndAViewerMayOnlyRead() throws Exception {
        String crm = keycloak.clientToken("crm", "CRM_CLIENT_SECRET");
        String viewer = keycloak.userToken("viewer", "VIEWER_PASSWORD");
        String operator = keycloak.userToken("operator", "OPERATOR_PASSWORD");
        String mes = keycloak.clientToken("mes", "MES_CLIENT_SECRET");

        String crmOrderId = "CRM-IDENTITY-" + UUID.randomUUID();
        String order = """
                {"crmOrderId":"%s","customerId":"C-1001","currency":"EUR","requestedDeliveryDate":"2099-03-31",
                 "lines":[{"lineNumber":10,"itemId":"FG-100","quantity":2,"unitOfMeasure":"EA","unitPrice":125.00}]}
                """.formatted(crmOrderId);
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
                io.millwright.kit.testing.TestTokens.withRoles(io.millwright.model.security.Roles.VIEWER)).statusCode()).isEqualTo(401);
    }

    /**
     * What Swagger UI does when an operator presses Authorize (its JavaScript aside): its page names the realm's
     * Swagger client with PKCE, the realm sends the operator's login to a Swagger UI redirect URI with a code, the
     * code and its verifier buy a token, and the token opens the operator's operations. Keycloak accepts only the
     * services' Swagger UI as redirect target and insists on PKCE.
     */
    @Test
    void swaggerUiLogsInWithTheAuthorizationCodeAndPkce() throws Exception {
        String page = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/swagger-ui/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("millwright-swagger-ui").contains("usePkceWithAuthorizationCodeGrant: true");

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String redirectUri = "http://127.0.0.1:8081/q/swagger-ui/oauth2-redirect.html";
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8));
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl(redirectUri, challenge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(action.find()).as("login form").isTrue();
        // Keycloak's login cookies are Secure; browsers send them to a loopback address over http, java.net's cookie store does not
        String cookies = String.join("; ", loginPage.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "operator",
                        "password", keycloak.secret("OPERATOR_PASSWORD"))))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        String location = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri + "?").contains("state=swagger-state");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();

        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", "millwright-swagger-ui",
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirectUri,
                        "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String token = new ObjectMapper().readTree(tokens.body()).path("access_token").asText();
        assertThat(send("GET", "/api/v1/dead-letters", null, token).statusCode()).as("the operator, logged in through Swagger UI")
                .isEqualTo(200);

        // another redirect target, or no PKCE: no login page, no code
        HttpResponse<String> elsewhere = browser.send(HttpRequest.newBuilder(URI.create(
                authorizeUrl("http://attacker.example/q/swagger-ui/oauth2-redirect.html", challenge))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("redirect_uri");
        HttpResponse<String> withoutPkce = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl(redirectUri, null))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location").orElseThrow()).startsWith(redirectUri).contains("error=invalid_request")
                .doesNotContain("code=");
    }

    private static String authorizeUrl(String redirectUri, String challenge) {
        Map<String, String> query = new java.util.LinkedHashMap<>(Map.of("client_id", "millwright-swagger-ui", "response_type", "code",
                "redirect_uri", redirectUri, "scope", "openid", "state", "swagger-state"));
        if (challenge != null) {
            query.put("code_challenge", challenge);
            query.put("code_challenge_method", "S256");
        }
        return keycloak.realmUrl() + "/protocol/openid-connect/auth?" + form(query);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
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
