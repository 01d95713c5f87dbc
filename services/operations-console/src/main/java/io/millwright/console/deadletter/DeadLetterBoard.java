package io.millwright.console.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.console.platform.Answer;
import io.millwright.console.platform.PlatformClient;
import io.millwright.model.common.ModelJson;
import io.quarkus.qute.TemplateData;

/**
 * The dead letters of every service and every plant's edge gateway in one list. Their own API does the work
 * ({@code /api/v1/dead-letters}: list, inspect, replay, discard) with the person's token, so a replay or discard is
 * authorised by the person's role and written to that service's or gateway's audit ({@code /api/v1/operator-actions})
 * under the person's name.
 */
@ApplicationScoped
public class DeadLetterBoard {

    /** Statuses a service's dead letter can have (the kit's {@code DeadLetter.Status}). */
    public static final List<String> STATUSES = List.of("NEW", "REPLAYED", "DISCARDED");
    private static final int LIMIT = 200;

    /** One row of the list: from a service ({@code id} a UUID) or an edge gateway ({@code source} "edge:plant"). */
    @TemplateData
    public record Row(String source, String id, String route, String reason, String status, int occurrences, int replays,
            String correlationId, Instant at, boolean edge) {
    }

    /** The list with the filters applied, and the sources that did not answer. */
    @TemplateData
    public record Listing(List<Row> rows, List<String> problems, int total) {
    }

    /** One audit entry of a service: who replayed or discarded what, when. */
    @TemplateData
    public record AuditEntry(String service, Instant at, String actor, String action, String subject, String detail) {
    }

    private final PlatformClient platform;

    public DeadLetterBoard(PlatformClient platform) {
        this.platform = platform;
    }

    /** Known sources: the services' names and {@code edge:<plant>} per edge gateway. */
    public List<String> sources() {
        List<String> sources = new ArrayList<>(platform.services().keySet());
        platform.edgeGateways().keySet().forEach(plant -> sources.add("edge:" + plant));
        return sources;
    }

    public boolean isService(String source) {
        return platform.services().containsKey(source);
    }

    public boolean isEdge(String source) {
        return source != null && source.startsWith("edge:") && platform.edgeGateways().containsKey(source.substring(5));
    }

    /**
     * @param source a service, {@code edge:<plant>} or null for all
     * @param status NEW (waiting for an operator), REPLAYED, DISCARDED or null for all (edge gateways' letters are all new)
     * @param text   words the reason, route or correlation id must contain, or null
     */
    public Listing list(String source, String status, String text, String token) {
        Map<String, CompletableFuture<Answer>> calls = new LinkedHashMap<>();
        for (String service : platform.services().keySet()) {
            if (source == null || source.equals(service)) {
                calls.put(service, platform.get(service, "/api/v1/dead-letters?limit=" + LIMIT + (status == null ? "" : "&status=" + status), token));
            }
        }
        if (status == null || "NEW".equals(status)) {
            for (String plant : platform.edgeGateways().keySet()) {
                if (source == null || source.equals("edge:" + plant)) {
                    calls.put("edge:" + plant, platform.edge(plant, "/api/v1/dead-letters?limit=" + LIMIT));
                }
            }
        }
        CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).join();
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        calls.forEach((name, call) -> {
            Answer answer = call.join();
            if (!answer.ok()) {
                problems.add(answer.problem());
                return;
            }
            JsonNode letters = read(answer, problems);
            if (letters == null) {
                return;
            }
            for (JsonNode d : letters) {
                rows.add(name.startsWith("edge:") ? edgeRow(name, d) : serviceRow(name, d));
            }
        });
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        List<Row> shown = rows.stream()
                .filter(r -> needle == null || contains(r.reason(), needle) || contains(r.route(), needle) || contains(r.correlationId(), needle)
                        || contains(r.id(), needle))
                .sorted(Comparator.comparing(Row::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        return new Listing(shown, problems, rows.size());
    }

    /** One dead letter's detail as its source reports it (pretty JSON for the page), or the problem. */
    public Answer detail(String source, String id, String token) {
        if (isService(source)) {
            return platform.get(source, "/api/v1/dead-letters/" + java.util.UUID.fromString(id), token).join();
        }
        return platform.edge(source.substring(5), "/api/v1/dead-letters/" + Long.parseLong(id)).join();
    }

    /** Replay ({@code replay}) or discard ({@code discard}) a service's or an edge gateway's dead letter as the person. */
    public Answer act(String source, String id, String action, String token) {
        boolean replay = switch (action) {
            case "replay" -> true;
            case "discard" -> false;
            default -> throw new IllegalArgumentException(action);
        };
        String path = "/api/v1/dead-letters/" + id + (replay ? "/replay" : "");
        String method = replay ? "POST" : "DELETE";
        if (isEdge(source)) {
            return platform.edgeSend(source.substring(5), method, path, token).join();
        }
        return platform.send(source, method, path, token).join();
    }

    /** The latest replays and discards of every service and edge gateway, newest first. */
    public List<AuditEntry> audit(String token, List<String> problems) {
        Map<String, CompletableFuture<Answer>> calls = new LinkedHashMap<>();
        for (String service : platform.services().keySet()) {
            calls.put(service, platform.get(service, "/api/v1/operator-actions?limit=20", token));
        }
        for (String plant : platform.edgeGateways().keySet()) {
            calls.put("edge:" + plant, platform.edge(plant, "/api/v1/operator-actions?limit=20"));
        }
        CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).join();
        List<AuditEntry> entries = new ArrayList<>();
        Set<String> wanted = Set.of("DEAD_LETTER_REPLAY", "DEAD_LETTER_DISCARD");
        calls.forEach((service, call) -> {
            Answer answer = call.join();
            if (!answer.ok()) {
                problems.add(answer.problem());
                return;
            }
            JsonNode actions = read(answer, problems);
            if (actions == null) {
                return;
            }
            for (JsonNode a : actions) {
                if (wanted.contains(a.path("action").asText())) {
                    entries.add(new AuditEntry(service, instant(a.path("at")), a.path("actor").asText(null), a.path("action").asText(),
                            a.path("subject").asText(null), a.path("detail").asText(null)));
                }
            }
        });
        entries.sort(Comparator.comparing(AuditEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries.size() > 20 ? entries.subList(0, 20) : entries;
    }

    private static Row serviceRow(String service, JsonNode d) {
        return new Row(service, d.path("id").asText(), d.path("routeId").asText(null), d.path("reason").asText(null),
                d.path("status").asText(null), d.path("occurrences").asInt(), d.path("replayCount").asInt(),
                d.path("correlationId").asText(null), instant(d.path("createdAt")), false);
    }

    private static Row edgeRow(String source, JsonNode d) {
        String route = d.path("originQueue").asText(null);
        String connection = d.path("connection").asText(null);
        return new Row(source, d.path("id").asText(), connection == null ? route : route + " (" + connection + ")",
                d.path("reason").asText(null), "NEW", (int) d.path("entries").asLong(1), 0, null, instant(d.path("deadLetteredAt")), true);
    }

    private static JsonNode read(Answer answer, List<String> problems) {
        try {
            JsonNode node = ModelJson.mapper().readTree(answer.body());
            if (node.isArray()) {
                return node;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        problems.add(answer.source() + " answered something that is not a list");
        return null;
    }

    private static Instant instant(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return node.isNumber() ? Instant.ofEpochMilli((long) (node.asDouble() * 1000)) : Instant.parse(node.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
