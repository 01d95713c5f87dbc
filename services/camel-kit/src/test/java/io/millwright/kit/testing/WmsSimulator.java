package io.millwright.kit.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated WMS (docs/contracts/plant-apps.md) in the test JVM's simulators process (the one
 * {@link ErpSimulator#shared()} starts), driven through its admin API {@code /sim/wms/...}. Inventory-service sends
 * stock status changes to {@code baseUrl() + "/wms/api/v1/stock-status"}.
 */
public final class WmsSimulator {

    private final String baseUrl;
    private final SimulatorHttp http;

    private WmsSimulator(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = new SimulatorHttp("WMS simulator", baseUrl);
    }

    public static WmsSimulator shared() {
        return new WmsSimulator(ErpSimulator.shared().baseUrl());
    }

    /** {@code http://127.0.0.1:<port>}: the WMS base URL inventory-service is configured with. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The stock status endpoint: {@code baseUrl + "/wms/api/v1/stock-status"}. */
    public String stockStatusUrl() {
        return baseUrl + "/wms/api/v1/stock-status";
    }

    /** Where the WMS reaches inventory-service ({@code http://host:port}, no path). */
    public void configure(String inventoryServiceBaseUrl) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("inventoryServiceBaseUrl", inventoryServiceBaseUrl);
        http.send("POST", "/sim/wms/settings", settings);
    }

    /** Where the WMS confirms shipments (order-service), and whether it ships each delivery as soon as it takes it. */
    public void configureShipping(String orderServiceBaseUrl, boolean autoShip) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("orderServiceBaseUrl", orderServiceBaseUrl);
        settings.put("autoShip", autoShip);
        http.send("POST", "/sim/wms/settings", settings);
    }

    /**
     * Deliveries released to the WMS, all or one order's: {@code deliveryId, orderId, payload, deliveries, receivedAt,
     * shipmentId, shippedAt, confirmStatus, confirmAnswer}.
     */
    public List<Map<String, Object>> deliveries(String orderId) {
        return http.list("/sim/wms/deliveries" + SimulatorHttp.query("orderId", orderId));
    }

    /** Ships a delivery now and confirms it to order-service; answers the delivery with the confirmation's answer. */
    public Map<String, Object> ship(String deliveryId) {
        return http.object("POST", "/sim/wms/deliveries/" + SimulatorHttp.path(deliveryId) + "/ship", null);
    }

    /**
     * Posts a goods receipt to {@code {inventoryServiceBaseUrl}/api/v1/wms/receipts} and records it; {@code receiptId}
     * (WMS-R-nnnnnn) and {@code receivedAt} are filled when absent. Returns the HTTP status inventory-service
     * answered (0: not reachable).
     */
    public int sendReceipt(Map<String, Object> receipt) {
        return ((Number) sendReceiptRecord(receipt).get("status")).intValue();
    }

    /** As {@link #sendReceipt}, answering the send record: {@code receiptId, status, duplicate, error, payload}. */
    public Map<String, Object> sendReceiptRecord(Map<String, Object> receipt) {
        return http.object("POST", "/sim/wms/receipts", receipt);
    }

    /** Receipts sent, oldest first. */
    public List<Map<String, Object>> receipts() {
        return http.list("/sim/wms/receipts");
    }

    /**
     * Stock status changes received, one row per requestId: {@code requestId, deliveries, receivedAt,
     * lastReceivedAt, correlationId, payload}.
     */
    public List<Map<String, Object>> stockStatusRequests() {
        return http.list("/sim/wms/stock-status-requests");
    }

    /** The stock status API answers 503 for {@code duration} (null: until {@link #clearFaults()}). */
    public void injectFault(Duration duration) {
        http.send("POST", "/sim/wms/faults", SimulatorHttp.outage(duration));
    }

    public void clearFaults() {
        http.send("DELETE", "/sim/wms/faults", null);
    }

    public void reset() {
        http.send("POST", "/sim/wms/reset", null);
    }

    @Override
    public String toString() {
        return "WmsSimulator[" + baseUrl + "]";
    }
}
