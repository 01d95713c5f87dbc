package io.millwright.kit.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The simulated CRM milestone webhook (docs/contracts/plant-apps.md) in the test JVM's simulators process (the one
 * {@link ErpSimulator#shared()} starts), driven through its admin API {@code /sim/crm/...}.
 */
public final class CrmSimulator {

    private final String baseUrl;
    private final SimulatorHttp http;

    private CrmSimulator(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = new SimulatorHttp("CRM simulator", baseUrl);
    }

    public static CrmSimulator shared() {
        return new CrmSimulator(ErpSimulator.shared().baseUrl());
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The secret the simulated CRM checks milestone signatures with, made at test time once per JVM (the same in
     * every class loader); services under test sign with it ({@code millwright.kit.targets.crm.signing-secret}).
     */
    public static String webhookSecret() {
        return TestSecrets.of("crm-webhook");
    }

    /** Refused deliveries (bad, stale or replayed signatures) since the last reset: {@code verdict, reason, receivedAt}. */
    public List<Map<String, Object>> rejections() {
        return http.list("/sim/crm/rejections");
    }

    /** Where order-service posts milestones: {@code baseUrl + "/crm/api/v1/order-milestones"}. */
    public String webhookUrl() {
        return baseUrl + "/crm/api/v1/order-milestones";
    }

    /**
     * Milestones received for one CRM order (null: all), oldest first, one row per eventId: {@code eventId, orderId,
     * crmOrderId, milestone, detail, reachedAt, deliveries, receivedAt, lastReceivedAt, correlationId, traceparent,
     * payload} (the correlation id and traceparent of the first delivery).
     */
    public List<Map<String, Object>> milestones(String crmOrderId) {
        return http.list("/sim/crm/milestones" + SimulatorHttp.query("crmOrderId", crmOrderId));
    }

    /** The webhook answers 503 for {@code duration} (null: until {@link #clearFaults()}). */
    public void injectFault(Duration duration) {
        http.send("POST", "/sim/crm/faults", SimulatorHttp.outage(duration));
    }

    public void clearFaults() {
        http.send("DELETE", "/sim/crm/faults", null);
    }

    /** Forgets received milestones, no outage. */
    public void reset() {
        http.send("POST", "/sim/crm/reset", null);
    }

    @Override
    public String toString() {
        return "CrmSimulator[" + baseUrl + "]";
    }
}
