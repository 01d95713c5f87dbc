package io.millwright.kit.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.model.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens of the test {@link IdentityProvider}: valid ones with chosen roles, and the kinds a service must
 * refuse (expired, another issuer, another audience, unsigned, signed with a key the provider does not publish).
 */
public final class TestTokens {

    /** The test server's signing key (in quarkus-test-oidc-server) and its key id in the published JWKS. */
    private static final String SIGNING_KEY = "privateKey.jwk";
    private static final String KEY_ID = "1";

    private TestTokens() {
    }

    /** A valid token of caller {@code test-caller} with these roles. */
    public static String withRoles(String... roles) {
        return of("test-caller", roles);
    }

    /** A valid token of the user {@code caller} (preferred user name and subject), issued to client {@code millwright-test}. */
    public static String of(String caller, String... roles) {
        return claims(caller, IdentityProvider.ISSUER, IdentityProvider.AUDIENCE, Instant.now().plusSeconds(3600), roles)
                .claim("azp", "millwright-test").jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    /** A client-credentials token of OAuth 2.0 client {@code client} ({@code azp}; user {@code service-account-<client>}). */
    public static String ofClient(String client, String... roles) {
        return claims("service-account-" + client, IdentityProvider.ISSUER, IdentityProvider.AUDIENCE, Instant.now().plusSeconds(3600), roles)
                .claim("azp", client).jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    /** A valid token with every platform role. */
    public static String withEveryRole() {
        return withRoles(Roles.ALL.toArray(String[]::new));
    }

    /** Every platform role except these. */
    public static String[] rolesOtherThan(List<String> roles) {
        return Roles.ALL.stream().filter(role -> !roles.contains(role)).toArray(String[]::new);
    }

    public static String expired(String... roles) {
        return claims("test-caller", IdentityProvider.ISSUER, IdentityProvider.AUDIENCE, Instant.now().minusSeconds(600), roles)
                .issuedAt(Instant.now().minusSeconds(1200)).jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    public static String fromAnotherIssuer(String... roles) {
        return claims("test-caller", "https://idp.elsewhere.example", IdentityProvider.AUDIENCE, Instant.now().plusSeconds(3600), roles)
                .jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    public static String forAnotherAudience(String... roles) {
        return claims("test-caller", IdentityProvider.ISSUER, "some-other-application", Instant.now().plusSeconds(3600), roles)
                .jws().keyId(KEY_ID).sign(SIGNING_KEY);
    }

    /** The same claims as a valid token, signed with a key the provider does not publish. */
    public static String signedWithAnotherKey(String... roles) {
        return claims("test-caller", IdentityProvider.ISSUER, IdentityProvider.AUDIENCE, Instant.now().plusSeconds(3600), roles)
                .jws().keyId(KEY_ID).sign(freshKey());
    }

    /** {@code alg: none}: the claims of a valid token and no signature at all. */
    public static String unsigned(String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", IdentityProvider.ISSUER);
        claims.put("aud", IdentityProvider.AUDIENCE);
        claims.put("sub", "test-caller");
        claims.put("groups", List.of(roles));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());
        return base64Json(Map.of("alg", "none", "typ", "JWT")) + "." + base64Json(claims) + ".";
    }

    private static JwtClaimsBuilder claims(String subject, String issuer, String audience, Instant expiresAt, String... roles) {
        return Jwt.claims()
                .subject(subject)
                .preferredUserName(subject)
                .issuer(issuer)
                .audience(audience)
                .groups(Set.of(roles))
                .issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(expiresAt);
    }

    private static PrivateKey freshKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Json(Map<String, Object> value) {
        try {
            byte[] json = new ObjectMapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
