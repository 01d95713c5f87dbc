package io.millwright.console.edge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.console.platform.Answer;
import io.millwright.console.platform.PlatformClient;
import io.millwright.model.common.ModelJson;
import io.quarkus.qute.TemplateData;

/** Each plant's edge gateway as its status API reports it ({@code GET /api/v1/status}, docs/edge-gateway.md). */
@ApplicationScoped
public class EdgePlants {

    /** A plant: its gateway's status, or why it could not be read. */
    @TemplateData
    public record Plant(String plant, String url, boolean reachable, String problem, boolean linkUp, String linkError,
            String lastAcknowledged, String backlog, String oldestAge, long dropped, boolean journalFull, long deadLetters,
            String storedPercent, List<Connection> connections) {
    }

    @TemplateData

    public record Connection(String id, String url, String state, String lastError, int failures, String nextAttempt,
            long acquired, long forwarded) {
    }

    private final PlatformClient platform;

    public EdgePlants(PlatformClient platform) {
        this.platform = platform;
    }

    public List<Plant> plants() {
        Map<String, CompletableFuture<Answer>> calls = new LinkedHashMap<>();
        platform.edgeGateways().keySet().forEach(plant -> calls.put(plant, platform.edge(plant, "/api/v1/status")));
        CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).join();
        List<Plant> plants = new ArrayList<>();
        calls.forEach((plant, call) -> plants.add(plant(plant, platform.edgeGateways().get(plant), call.join())));
        return plants;
    }

    static Plant plant(String plant, String url, Answer answer) {
        if (!answer.ok()) {
            return unreachable(plant, url, answer.problem());
        }
        JsonNode s;
        try {
            s = ModelJson.mapper().readTree(answer.body());
        } catch (java.io.IOException e) {
            return unreachable(plant, url, "the gateway answered something that is not its status");
        }
        JsonNode journal = s.path("journal");
        JsonNode link = s.path("cloudLink");
        List<Connection> connections = new ArrayList<>();
        for (JsonNode c : s.path("connections")) {
            connections.add(new Connection(c.path("id").asText(), c.path("url").asText(""), c.path("state").asText("UNKNOWN"),
                    c.path("lastError").asText(null), c.path("consecutiveFailures").asInt(), c.path("nextAttempt").asText(null),
                    c.path("acquired").asLong(), c.path("forwarded").asLong()));
        }
        long budget = journal.path("budgetBytes").asLong();
        String stored = budget > 0 ? String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * journal.path("storedBytes").asLong() / budget) : "-";
        return new Plant(s.path("plant").asText(plant), url, true, null, link.path("up").asBoolean(), link.path("lastError").asText(null),
                link.path("lastAcknowledged").asText(null), journal.hasNonNull("backlog") ? journal.get("backlog").asText() : "unknown",
                age(journal.path("oldestEntryAgeSeconds").asDouble()), journal.path("droppedTotal").asLong(), journal.path("full").asBoolean(),
                s.path("deadLetters").asLong(), stored, connections);
    }

    private static Plant unreachable(String plant, String url, String problem) {
        return new Plant(plant, url, false, problem, false, null, null, "unknown", "unknown", 0, false, 0, "-", List.of());
    }

    static String age(double seconds) {
        if (seconds < 1) {
            return "none waiting";
        }
        if (seconds < 120) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 7200) {
            return Math.round(seconds / 60) + " min";
        }
        return Math.round(seconds / 3600) + " h";
    }
}
