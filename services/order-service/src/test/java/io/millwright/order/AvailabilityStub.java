package io.millwright.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for inventory-service's one endpoint order-service calls ({@code GET /api/v1/availability}), for
 * order-service's own tests: FG-100 has 500 EA, FG-200 20 EA, anything else nothing. It can be taken down (the
 * port then refuses connections) and brought back on the same port.
 */
final class AvailabilityStub {

    private static final Map<String, BigDecimal> AVAILABLE = Map.of("FG-100", new BigDecimal("500"),
            "FG-200", new BigDecimal("20"));
    private static AvailabilityStub shared;

    private final int port;
    private HttpServer server;
    private boolean running;

    private AvailabilityStub(int port) {
        this.port = port;
    }

    static synchronized AvailabilityStub shared() {
        if (shared == null) {
            shared = new AvailabilityStub(0);
            shared.up();
        }
        return shared;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void down() {
        if (running) {
            server.stop(0);
            running = false;
        }
    }

    synchronized void up() {
        if (running) {
            return;
        }
        int bindPort = server == null ? port : server.getAddress().getPort();
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", bindPort), 0);
            started.createContext("/api/v1/availability", exchange -> {
                Map<String, String> query = query(exchange.getRequestURI());
                BigDecimal available = AVAILABLE.getOrDefault(query.get("item"), BigDecimal.ZERO);
                BigDecimal requested = new BigDecimal(query.getOrDefault("qty", "0"));
                String body = "{\"itemId\":\"" + query.get("item") + "\",\"plantId\":\"" + query.get("plant")
                        + "\",\"requestedQuantity\":{\"value\":" + requested.toPlainString() + ",\"unit\":\"EA\"},"
                        + "\"availableQuantity\":{\"value\":" + available.toPlainString() + ",\"unit\":\"EA\"},"
                        + "\"available\":" + (available.compareTo(requested) >= 0) + ",\"asOf\":\"2026-11-22T10:00:00Z\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            started.start();
            server = started;
            running = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
