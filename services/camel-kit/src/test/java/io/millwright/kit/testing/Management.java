package io.millwright.kit.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The management interface of the service under test ({@code @QuarkusTest}): health ({@code /q/health}) and metrics
 * ({@code /q/metrics}) answer there, on a port of their own, without the API's authentication.
 */
public final class Management {

    private Management() {
    }

    /** A RestAssured request to the management interface. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri("http://localhost").port(port());
    }

    /** The management interface's port in this test run (Quarkus writes the real one back when it is random). */
    public static int port() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        if (port <= 0) {
            throw new IllegalStateException("quarkus.management.test-port is " + port + ": the management interface has not started");
        }
        return port;
    }
}
