package io.millwright.kit.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The security contract of a service's API, walked from its own OpenAPI document so a new operation is covered without
 * touching this test: every {@code /api} operation declares the roles it needs; without a token it answers 401, with a
 * token lacking those roles 403, with each of its roles neither (and no 500). Tokens that are expired, from another
 * issuer, for another audience, unsigned or signed with an unknown key answer 401. A service's test extends this with
 * its {@code @QuarkusTest} resources.
 */
public abstract class ApiSecurityContract {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One operation of the document: method, path template, the roles its security requirement names. */
    public record ApiOperation(String method, String path, List<String> roles, JsonNode definition) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationNeedsATokenWithOneOfItsRoles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiOperation operation : operations()) {
            tests.add(DynamicTest.dynamicTest(operation + " declares its roles", () -> assertThat(operation.roles())
                    .as("%s has a security requirement naming its roles (@RolesAllowed)", operation).isNotEmpty()));
            tests.add(DynamicTest.dynamicTest(operation + " without a token: 401", () -> assertThat(
                    send(operation, given().auth().none()).statusCode()).as("%s without a token", operation).isEqualTo(401)));
            String[] others = TestTokens.rolesOtherThan(operation.roles());
            if (others.length > 0) {
                tests.add(DynamicTest.dynamicTest(operation + " without its roles: 403", () -> assertThat(
                        send(operation, given().auth().oauth2(TestTokens.withRoles(others))).statusCode())
                        .as("%s with roles %s only", operation, List.of(others)).isEqualTo(403)));
            }
            for (String role : operation.roles()) {
                tests.add(DynamicTest.dynamicTest(operation + " as " + role + ": let in", () -> {
                    Response response = send(operation, given().auth().oauth2(TestTokens.withRoles(role)));
                    assertThat(response.statusCode()).as("%s as %s: %s", operation, role, response.asString())
                            .isNotIn(401, 403, 500);
                }));
            }
        }
        assertThat(tests).as("operations under /api in the OpenAPI document").isNotEmpty();
        return tests.stream();
    }

    @Test
    void tokensTheProviderDidNotIssueForThePlatformAreRefused() {
        ApiOperation operation = operations().stream().filter(o -> o.method().equals("get")).findFirst()
                .orElse(operations().get(0));
        String[] roles = operation.roles().toArray(String[]::new);
        assertThat(send(operation, given().auth().oauth2(TestTokens.withRoles(roles))).statusCode())
                .as("%s with a valid token", operation).isNotIn(401, 403);
        Map<String, String> invalid = Map.of(
                "expired", TestTokens.expired(roles),
                "from another issuer", TestTokens.fromAnotherIssuer(roles),
                "for another audience", TestTokens.forAnotherAudience(roles),
                "unsigned", TestTokens.unsigned(roles),
                "signed with another key", TestTokens.signedWithAnotherKey(roles),
                "not a token", "not-a-jwt");
        invalid.forEach((kind, token) -> assertThat(send(operation, given().auth().oauth2(token)).statusCode())
                .as("%s with a token %s", operation, kind).isEqualTo(401));
    }

    @Test
    void theOpenApiDocumentDeclaresTheOidcSchemeAndHealthStaysOpenOnTheManagementInterface() {
        JsonNode document = document();
        assertThat(document.path("components").path("securitySchemes").path("oidc").path("type").asText())
                .isEqualTo("openIdConnect");
        assertThat(document.path("components").path("securitySchemes").path("oidc").path("openIdConnectUrl").asText())
                .endsWith("/.well-known/openid-configuration");
        Management.given().auth().none().get("/q/health/live").then().statusCode(200);
        Management.given().auth().none().get("/q/metrics").then().statusCode(200);
    }

    /** Every operation under {@code /api} of the service's OpenAPI document. */
    protected List<ApiOperation> operations() {
        JsonNode paths = document().path("paths");
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode definition = path.getValue().path(method);
                if (definition.isMissingNode()) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                definition.path("security").forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                operations.add(new ApiOperation(method, path.getKey(), List.copyOf(roles), definition));
            }
        }
        return operations;
    }

    private static JsonNode document() {
        String json = given().auth().none().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    /** The operation with every path parameter filled in (a UUID where the document says so) and an empty JSON body. */
    private static Response send(ApiOperation operation, RequestSpecification request) {
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(sample(operation, matcher.group(1))));
        }
        matcher.appendTail(path);
        if (operation.method().equals("post") || operation.method().equals("put") || operation.method().equals("patch")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.accept("application/json").request(operation.method().toUpperCase(), path.toString());
    }

    private static String sample(ApiOperation operation, String parameter) {
        for (JsonNode declared : operation.definition().path("parameters")) {
            if (parameter.equals(declared.path("name").asText()) && "uuid".equals(declared.path("schema").path("format").asText())) {
                return UUID.randomUUID().toString();
            }
        }
        return "security-probe";
    }
}
