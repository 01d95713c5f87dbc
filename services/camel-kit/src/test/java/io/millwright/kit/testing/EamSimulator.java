package io.millwright.kit.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated EAM/CMMS (docs/contracts/plant-apps.md) in the test JVM's simulators process (the one
 * {@link ErpSimulator#shared()} starts), driven through its admin API {@code /sim/eam/...}: it records the work
 * requests maintenance-service raises and the status updates it sends.
 */
public final class EamSimulator {

    private final String baseUrl;
    private final SimulatorHttp http;

    private EamSimulator(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = new SimulatorHttp("EAM simulator", baseUrl);
    }

    public static EamSimulator shared() {
        return new EamSimulator(ErpSimulator.shared().baseUrl());
    }

    /**
     * The secret the simulated EAM checks work request signatures with, made at test time once per JVM (the same in
     * every class loader); maintenance-service under test signs with it.
     */
    public static String webhookSecret() {
        return TestSecrets.of("eam-webhook");
    }

    /** Where maintenance-service raises work requests: the EAM target's URL ({@code baseUrl + "/eam"}). */
    public String apiUrl() {
        return baseUrl + "/eam";
    }

    /**
     * Work requests received for one asset (null: all), oldest first, one row per externalId: {@code externalId,
     * workRequestId, assetId, status, payload, deliveries, traceparent, statusUpdates, receivedAt, lastReceivedAt}, each
     * status update {@code status, note, at, receivedAt, traceparent}.
     */
    public List<Map<String, Object>> workRequests(String assetId) {
        return http.list("/sim/eam/work-requests" + SimulatorHttp.query("assetId", assetId));
    }

    /** The work request Millwright raised with this externalId, if the EAM has it. */
    public Optional<Map<String, Object>> workRequest(String externalId) {
        return http.list("/sim/eam/work-requests" + SimulatorHttp.query("externalId", externalId)).stream().findFirst();
    }

    /** The work request API answers 503 until {@link #up()}. */
    public void down() {
        down(null);
    }

    /** The work request API answers 503 for {@code duration} (null: until {@link #up()}). */
    public void down(Duration duration) {
        http.send("POST", "/sim/eam/faults", SimulatorHttp.outage(duration));
    }

    public void up() {
        http.send("DELETE", "/sim/eam/faults", null);
    }

    /** Forgets received work requests and their status updates, no outage. */
    public void reset() {
        http.send("POST", "/sim/eam/reset", null);
    }

    @Override
    public String toString() {
        return "EamSimulator[" + baseUrl + "]";
    }
}
