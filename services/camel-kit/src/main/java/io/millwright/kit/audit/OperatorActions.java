package io.millwright.kit.audit;

import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.millwright.kit.correlation.Correlation;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The audit trail of actions taken by hand (dead-letter replay and discard, holds and releases, re-postings,
 * reconciliation runs): who (from the caller's token), when, what, on which subject. A flow records its action in the
 * transaction that makes the change, so the trail holds exactly the changes that happened.
 */
@ApplicationScoped
public class OperatorActions {

    public static final String DEAD_LETTER_REPLAY = "DEAD_LETTER_REPLAY";
    public static final String DEAD_LETTER_DISCARD = "DEAD_LETTER_DISCARD";
    public static final String HOLD_PLACE = "HOLD_PLACE";
    public static final String HOLD_RELEASE = "HOLD_RELEASE";
    public static final String MOVEMENT_RETRY = "MOVEMENT_RETRY";
    public static final String RECONCILIATION_RUN = "RECONCILIATION_RUN";
    public static final String USAGE_DECISION = "USAGE_DECISION";

    static final int MAX_LIMIT = 1000;

    @Inject
    SecurityIdentity identity;

    /** Records an action of the current caller, in the caller's transaction (or its own). */
    @Transactional
    public OperatorAction record(String action, String subject, String detail) {
        OperatorAction entry = new OperatorAction();
        entry.id = UUID.randomUUID();
        entry.at = Instant.now();
        entry.actor = actor();
        entry.clientId = clientId();
        entry.action = action;
        entry.subject = abbreviate(subject, 500);
        entry.detail = detail == null ? null : abbreviate(detail, 2000);
        entry.correlationId = Correlation.current();
        entry.persist();
        return entry;
    }

    /** Newest first; every filter is optional. */
    @Transactional
    public List<OperatorAction> find(String action, String actor, String subject, Instant since, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, String> equal = new LinkedHashMap<>();
        equal.put("action", action);
        equal.put("actor", actor);
        equal.put("subject", subject);
        equal.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(" and ").append(field).append(" = :").append(field);
                parameters.put(field, value);
            }
        });
        if (since != null) {
            query.append(" and at >= :since");
            parameters.put("since", since);
        }
        return OperatorAction.<OperatorAction> find(query.toString(), Sort.descending("at"), parameters)
                .page(0, Math.max(1, Math.min(limit, MAX_LIMIT))).list();
    }

    private String actor() {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            String user = token.getClaim("preferred_username");
            if (user != null && !user.isBlank()) {
                return user;
            }
            if (token.getSubject() != null) {
                return token.getSubject();
            }
        }
        return principal.getName();
    }

    private String clientId() {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken token) {
            Object azp = token.getClaim("azp");
            if (azp == null) {
                azp = token.getClaim("client_id");
            }
            return azp == null ? null : azp.toString();
        }
        return null;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
