package io.millwright.kit.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a packaged Quarkus app in {@link ServiceProcessTest}: listens on {@code quarkus.http.port},
 * answers {@code /q/health/ready}, and shows its system properties and pid. {@code fake.exit-code} makes it
 * exit at once, {@code fake.never-ready} keeps readiness at 503.
 */
public final class FakeQuarkusApp {

    private FakeQuarkusApp() {
    }

    public static void main(String[] args) throws IOException {
        String exitCode = System.getProperty("fake.exit-code");
        if (exitCode != null) {
            System.out.println("fake app refusing to start, exit code " + exitCode);
            System.exit(Integer.parseInt(exitCode));
        }
        int port = Integer.getInteger("quarkus.http.port");
        boolean neverReady = Boolean.getBoolean("fake.never-ready");
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/q/health/ready", exchange -> respond(exchange, neverReady ? 503 : 200,
                neverReady ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}"));
        server.createContext("/property", exchange -> respond(exchange, 200,
                String.valueOf(System.getProperty(exchange.getRequestURI().getQuery()))));
        server.createContext("/pid", exchange -> respond(exchange, 200, String.valueOf(ProcessHandle.current().pid())));
        server.start();
        System.out.println("fake app listening on " + port);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
