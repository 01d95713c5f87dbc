package io.millwright.kit.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated QMS/LIMS in the test JVM's simulators process (the one {@link ErpSimulator#shared()} starts), driven
 * through its admin API {@code /sim/qms/...}: it sends results (signed) and usage decisions (as client {@code qms}) to
 * quality-service and records the quality cases quality-service opens.
 */
public final class QmsSimulator {

    private final String baseUrl;
    private final SimulatorHttp http;

    private QmsSimulator(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = new SimulatorHttp("QMS simulator", baseUrl);
    }

    public static QmsSimulator shared() {
        return new QmsSimulator(ErpSimulator.shared().baseUrl());
    }

    /**
     * The secret both sides sign with (results to quality-service, quality cases to the QMS), made at test time once per
     * JVM; quality-service under test takes it as {@code millwright.kit.webhooks.qms.secret} and the QMS target's
     * {@code signing-secret}.
     */
    public static String webhookSecret() {
        return TestSecrets.of("qms-webhook");
    }

    /** Where quality-service opens cases: the QMS target's URL. */
    public String apiUrl() {
        return baseUrl + "/qms";
    }

    public void configure(String qualityServiceBaseUrl) {
        http.send("POST", "/sim/qms/settings", Map.of("qualityServiceBaseUrl", qualityServiceBaseUrl));
    }

    /** Sends a result now; answers {@code resultId, lotId, verdict, status, answer, sentAt}. */
    public Map<String, Object> sendResult(String resultId, String lotId, String verdict) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("resultId", resultId);
        command.put("lotId", lotId);
        command.put("verdict", verdict);
        return http.object("POST", "/sim/qms/results", command);
    }

    /** Sends a result again, byte for byte, as a new delivery. */
    public Map<String, Object> resend(String resultId) {
        return http.object("POST", "/sim/qms/results/" + SimulatorHttp.path(resultId) + "/resend", null);
    }

    /** Sends a usage decision for a lot; answers {@code status, answer} of quality-service. */
    public Map<String, Object> decide(String lotId, String decision) {
        return http.object("POST", "/sim/qms/usage-decisions", Map.of("lotId", lotId, "decision", decision, "code", "A1",
                "reason", "re-inspection passed"));
    }

    /** Quality cases received, all or those of one lot: {@code caseId, qmsCaseId, title, lotIds, payload, deliveries, receivedAt}. */
    public List<Map<String, Object>> cases(String lotId) {
        return http.list("/sim/qms/cases" + SimulatorHttp.query("lotId", lotId));
    }

    @Override
    public String toString() {
        return "QmsSimulator[" + baseUrl + "]";
    }
}
