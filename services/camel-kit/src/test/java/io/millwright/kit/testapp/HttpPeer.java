package io.millwright.kit.testapp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Another system on the far side of HTTP, for the target-system tests: {@code /peer/echo} answers 200 with the
 * request headers it received, {@code /peer/status/<code>} answers that status with a short body,
 * {@code /peer/slow/<ms>} answers 200 after that long. Reached as target {@code kit-test-peer}.
 */
public class HttpPeer implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The HTTP peer could not start", e);
        }
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/peer/", HttpPeer::answer);
        server.start();
        return Map.of("millwright.kit.targets.kit-test-peer.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String action = path.length > 2 ? path[2] : "";
        String argument = path.length > 3 ? path[3] : "";
        try (exchange) {
            switch (action) {
                case "echo" -> {
                    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                    send(exchange, 200, "application/json", new ObjectMapper().writeValueAsString(headers));
                }
                case "status" -> send(exchange, Integer.parseInt(argument), "text/plain", "peer says " + argument);
                case "slow" -> {
                    try {
                        Thread.sleep(Long.parseLong(argument));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(exchange, 200, "text/plain", "slept " + argument);
                }
                default -> send(exchange, 404, "text/plain", "no such peer action: " + action);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
