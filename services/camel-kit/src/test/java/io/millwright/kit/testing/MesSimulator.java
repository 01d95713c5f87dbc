package io.millwright.kit.testing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated MES (docs/contracts/plant-apps.md) in the test JVM's simulators process (the one
 * {@link ErpSimulator#shared()} starts), driven through its admin API {@code /sim/mes/...}. Production-service
 * dispatches to {@code baseUrl() + "/mes/api/v1/work-orders"}.
 */
public final class MesSimulator {

    private final String baseUrl;
    private final SimulatorHttp http;

    private MesSimulator(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = new SimulatorHttp("MES simulator", baseUrl);
    }

    /** The MES of this test JVM's simulators process (started on first use). */
    /** The MES of a simulators app started elsewhere (a benchmark, the local run) at {@code baseUrl}. */
    public static MesSimulator at(String baseUrl) {
        return new MesSimulator(baseUrl);
    }

    public static MesSimulator shared() {
        return new MesSimulator(ErpSimulator.shared().baseUrl());
    }

    /** {@code http://127.0.0.1:<port>}: the MES base URL production-service is configured with. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The dispatch endpoint: {@code baseUrl + "/mes/api/v1/work-orders"}. */
    public String workOrdersUrl() {
        return baseUrl + "/mes/api/v1/work-orders";
    }

    /**
     * Where the MES reaches production-service ({@code http://host:port}, no path), whether it acknowledges new work
     * orders by itself and after how long.
     */
    public void configure(String productionServiceBaseUrl, boolean autoAcknowledge, long ackDelayMs) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("productionServiceBaseUrl", productionServiceBaseUrl);
        settings.put("autoAcknowledge", autoAcknowledge);
        settings.put("ackDelayMs", ackDelayMs);
        http.send("POST", "/sim/mes/settings", settings);
    }

    /**
     * Work orders received, oldest first: {@code productionOrderId, mesWorkOrderId, status (RECEIVED|ACKNOWLEDGED),
     * dispatchCount, receivedAt, acknowledgedAt, ackAttempts, ackOutcome, correlationId, payload} (the dispatch as
     * received).
     */
    public List<Map<String, Object>> workOrders() {
        return http.list("/sim/mes/work-orders");
    }

    public Optional<Map<String, Object>> workOrder(String productionOrderId) {
        HttpResponse<String> response = http.exchange("GET", "/sim/mes/work-orders/" + SimulatorHttp.path(productionOrderId), null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("MES simulator GET work order " + productionOrderId + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return Optional.of(SimulatorHttp.read(response.body()));
    }

    /** Acknowledges now (one attempt); the HTTP status production-service answered (0: not reachable). */
    public int acknowledge(String productionOrderId) {
        Map<String, Object> answer = http.object("POST",
                "/sim/mes/work-orders/" + SimulatorHttp.path(productionOrderId) + "/acknowledge", null);
        return ((Number) answer.get("status")).intValue();
    }

    /**
     * Posts a confirmation to {@code {productionServiceBaseUrl}/api/v1/mes/confirmations} as the MES does and records
     * it. The MES fills {@code confirmationId} (MES-C-nnnnnn), {@code mesWorkOrderId} (WO-&lt;productionOrderId&gt;)
     * and {@code recordedAt} when absent; the rest goes as given. Returns the HTTP status production-service
     * answered (0: not reachable).
     */
    public int sendConfirmation(Map<String, Object> confirmation) {
        return ((Number) sendConfirmationRecord(confirmation).get("status")).intValue();
    }

    /** As {@link #sendConfirmation}, answering the whole send record: {@code confirmationId, status, duplicate, error, payload}. */
    public Map<String, Object> sendConfirmationRecord(Map<String, Object> confirmation) {
        return http.object("POST", "/sim/mes/confirmations", confirmation);
    }

    /**
     * Sends recorded confirmations again (same payloads): {@code times} rounds over the list, reversed when
     * {@code reverseOrder}. Returns the HTTP status of each send, in sending order.
     */
    public List<Integer> resendConfirmations(List<String> confirmationIds, int times, boolean reverseOrder) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("confirmationIds", confirmationIds);
        request.put("times", times);
        request.put("reverseOrder", reverseOrder);
        String body = http.send("POST", "/sim/mes/confirmations/resend", request);
        return http.listOf(body).stream()
                .map(sent -> ((Number) sent.get("status")).intValue()).toList();
    }

    /** Every confirmation send (resends included), oldest first, with {@code status}, {@code duplicate}, {@code payload}. */
    public List<Map<String, Object>> confirmations() {
        return http.list("/sim/mes/confirmations");
    }

    /** Dispatches are answered 503 for {@code duration} (null: until {@link #clearFaults()}). */
    public void injectFault(Duration duration) {
        http.send("POST", "/sim/mes/faults", SimulatorHttp.outage(duration));
    }

    public void clearFaults() {
        http.send("DELETE", "/sim/mes/faults", null);
    }

    /** Forgets work orders and confirmations, default settings (no production-service URL), no outage. */
    public void reset() {
        http.send("POST", "/sim/mes/reset", null);
    }

    @Override
    public String toString() {
        return "MesSimulator[" + baseUrl + "]";
    }
}
