package io.millwright.console.journey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.console.platform.Answer;
import io.millwright.console.platform.PlatformClient;
import io.millwright.model.common.ModelJson;
import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyKey.Kind;
import io.millwright.model.journey.JourneyPart;
import io.millwright.model.journey.JourneyStep;

/**
 * Puts one journey together from every service's journey API ({@code GET /api/v1/journey?kind=&id=}, D138): asks
 * every service about the searched key at once, then about the keys their steps lead to, round by round, until no new
 * key is worth following (D139 says which are).
 * <ul>
 * <li>Steps about the customer's order (CRM order, order, sales order): every key they name is followed.</li>
 * <li>Steps about a production order: its order and incidents are followed, and the lot its release names (the lot it
 * makes); the component lots its confirmations consumed are links only.</li>
 * <li>Steps about a lot: the production order that made it and the incidents that held it are followed; the production
 * orders that consumed it are links only.</li>
 * <li>Steps about an incident: followed further only when the search started at an incident (else one machine fault
 * would pull in every other customer's order it touched).</li>
 * </ul>
 */
@ApplicationScoped
public class JourneyAssembler {

    /** At most this many keys are asked about (each of every service; a service takes up to 50 in one question). */
    public static final int MAX_KEYS = 40;
    static final int MAX_ROUNDS = 5;
    private static final Set<Kind> CUSTOMER_ORDER = Set.of(Kind.CRM_ORDER, Kind.ORDER, Kind.SALES_ORDER);

    private final PlatformClient platform;

    public JourneyAssembler(PlatformClient platform) {
        this.platform = platform;
    }

    public Journey assemble(JourneyKey searched, String token) {
        long started = System.nanoTime();
        Set<JourneyKey> asked = new LinkedHashSet<>();
        Set<JourneyKey> linked = new LinkedHashSet<>();
        Map<String, JourneyStep> steps = new LinkedHashMap<>();
        Set<String> problems = new LinkedHashSet<>();
        List<JourneyKey> round = List.of(searched);
        boolean truncated = false;
        for (int r = 0; r < MAX_ROUNDS && !round.isEmpty(); r++) {
            asked.addAll(round);
            // one call per service for the whole round (key=kind:id, repeated): each service reads a shared object once
            StringBuilder query = new StringBuilder("/api/v1/journey?");
            for (JourneyKey key : round) {
                query.append(query.charAt(query.length() - 1) == '?' ? "" : "&").append("key=")
                        .append(URLEncoder.encode(key.kind().apiName() + ":" + key.id(), StandardCharsets.UTF_8));
            }
            List<CompletableFuture<Answer>> calls = new ArrayList<>();
            platform.services().keySet().forEach(service -> calls.add(platform.get(service, query.toString(), token)));
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            Set<JourneyKey> next = new LinkedHashSet<>();
            for (CompletableFuture<Answer> call : calls) {
                Answer answer = call.join();
                if (!answer.ok()) {
                    problems.add(answer.problem());
                    continue;
                }
                JourneyPart part;
                try {
                    part = ModelJson.mapper().readValue(answer.body(), JourneyPart.class);
                } catch (JsonProcessingException e) {
                    problems.add(answer.source() + " answered something that is not a journey: " + e.getOriginalMessage());
                    continue;
                }
                for (JourneyStep step : part.steps()) {
                    steps.putIfAbsent(identity(step), step);
                    for (JourneyKey key : toFollow(step, searched)) {
                        if (!asked.contains(key)) {
                            next.add(key);
                        }
                    }
                    for (JourneyKey key : step.links()) {
                        linked.add(key);
                    }
                    if (step.subject() != null) {
                        linked.add(step.subject());
                    }
                }
            }
            List<JourneyKey> following = new ArrayList<>();
            for (JourneyKey key : next) {
                if (asked.size() + following.size() >= MAX_KEYS) {
                    truncated = true;
                    break;
                }
                following.add(key);
            }
            round = following;
        }
        linked.removeAll(asked);
        List<JourneyStep> ordered = new ArrayList<>(steps.values());
        ordered.sort(Comparator.comparing(JourneyStep::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Journey(searched, ordered, List.copyOf(asked), List.copyOf(linked), List.copyOf(problems), truncated,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The kinds of key {@code id} is, by asking every service about it as each kind at once: the kinds some service
     * has steps for, in the order of {@link Kind} (a trace id only when it looks like one: 32 hex digits).
     */
    public List<Kind> kindsOf(String id, String token) {
        Map<Kind, List<CompletableFuture<Answer>>> calls = new LinkedHashMap<>();
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
        for (Kind kind : Kind.values()) {
            if (kind == Kind.TRACE && !id.matches("[0-9a-fA-F]{32}")) {
                continue;
            }
            List<CompletableFuture<Answer>> perKind = new ArrayList<>();
            platform.services().keySet().forEach(service -> perKind.add(platform.get(service, "/api/v1/journey?kind=" + kind.apiName()
                    + "&id=" + encoded, token)));
            calls.put(kind, perKind);
        }
        List<Kind> kinds = new ArrayList<>();
        calls.forEach((kind, answers) -> {
            for (CompletableFuture<Answer> call : answers) {
                Answer answer = call.join();
                if (answer.ok() && answer.body() != null && answer.body().contains("\"steps\":[{")) {
                    kinds.add(kind);
                    return;
                }
            }
        });
        return kinds;
    }

    /** The keys a step leads to that belong to the same transaction (see the class comment). */
    static List<JourneyKey> toFollow(JourneyStep step, JourneyKey searched) {
        List<JourneyKey> follow = new ArrayList<>();
        JourneyKey subject = step.subject();
        Kind about = subject == null ? null : subject.kind();
        if (subject != null && about != Kind.LOT && about != Kind.INCIDENT) {
            follow.add(subject);
        }
        for (JourneyKey link : step.links()) {
            boolean take;
            if (about == null || CUSTOMER_ORDER.contains(about)) {
                take = true;
            } else if (about == Kind.PRODUCTION_ORDER) {
                take = link.kind() != Kind.LOT && link.kind() != Kind.PRODUCTION_ORDER || "RELEASED".equals(step.step());
            } else if (about == Kind.LOT) {
                take = link.kind() == Kind.INCIDENT || link.kind() == Kind.PRODUCTION_ORDER && "LOT_PRODUCED".equals(step.step());
            } else if (about == Kind.INCIDENT) {
                take = searched.kind() == Kind.INCIDENT && searched.equals(subject);
            } else {
                take = link.kind() != Kind.LOT;
            }
            if (take && link.kind() != Kind.TRACE) {
                follow.add(link);
            }
        }
        return follow;
    }

    /** Two services may report the same step (an order's steps answer for its CRM id and its sales order alike). */
    private static String identity(JourneyStep step) {
        return String.join("|", step.service(), step.step(), Objects.toString(step.at()), Objects.toString(step.subject()),
                Objects.toString(step.detail()));
    }
}
