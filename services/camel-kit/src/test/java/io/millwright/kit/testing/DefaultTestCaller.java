package io.millwright.kit.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every {@code @QuarkusTest} of a module that registers this callback (META-INF/services) calls the API as a caller
 * with every role, so flow tests read as flows; {@link ApiSecurityContract} proves, per operation, which roles are
 * needed. A test that wants another caller says so ({@code given().auth().oauth2(...)} or {@code auth().none()}).
 */
public class DefaultTestCaller implements QuarkusTestBeforeEachCallback {

    private static String token;
    private static long issuedAt;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.oauth2(token());
    }

    /** The token of the default caller (every role), renewed well before it expires. */
    public static synchronized String token() {
        if (token == null || System.currentTimeMillis() - issuedAt > 30 * 60_000L) {
            token = TestTokens.withEveryRole();
            issuedAt = System.currentTimeMillis();
        }
        return token;
    }
}
