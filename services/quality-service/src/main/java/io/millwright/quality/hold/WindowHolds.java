package io.millwright.quality.hold;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.millwright.kit.audit.OperatorActions;
import io.millwright.model.quality.HoldCause;
import io.millwright.quality.config.QualityConfig;
import io.millwright.kit.persistence.SqlTimes;

/**
 * Q4: holds every lot made on a resource in a time window. The lots come from the genealogy: the production orders
 * worked on the resource at any time inside the window (an order worked partly inside it counts) and the lots they
 * produced. Each lot gets its own hold ({@code <request id>:<lot>}), so each is released by its own usage decision.
 * The request is idempotent by its id; the same id with other criteria is refused.
 */
@ApplicationScoped
public class WindowHolds {

    public record LotHold(String lotId, String holdId) {
    }

    public record WindowHold(String holdId, String plantId, String resourceId, Instant from, Instant to, HoldCause cause, String reason,
            String incidentId, Instant requestedAt, List<LotHold> lots) {
    }

    public record Outcome(WindowHold hold, boolean created) {
    }

    public static class ConflictingRequestException extends RuntimeException {
        public ConflictingRequestException(String message) {
            super(message);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    QualityHolds holds;

    @Inject
    QualityConfig config;

    @Inject
    OperatorActions actions;

    @Transactional
    public Outcome request(String requestId, String plantId, String resourceId, Instant from, Instant to, String reason, String incidentId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "window-hold:" + requestId).getSingleResult();
        Optional<WindowHold> existing = get(requestId);
        String plant = plantId == null ? config.plantId() : plantId;
        if (existing.isPresent()) {
            WindowHold hold = existing.get();
            if (!hold.resourceId().equals(resourceId) || !hold.from().equals(from) || !hold.to().equals(to) || !hold.plantId().equals(plant)) {
                throw new ConflictingRequestException("Hold " + requestId + " was requested before for resource " + hold.resourceId() + " from "
                        + hold.from() + " to " + hold.to() + "; a hold for other criteria needs another id");
            }
            return new Outcome(hold, false);
        }
        HoldCause cause = incidentId == null ? HoldCause.MANUAL : HoldCause.MACHINE_ANOMALY;
        Instant now = Instant.now();
        em.createNativeQuery("""
                INSERT INTO window_hold_request (request_id, plant_id, resource_id, window_from, window_to, cause, reason, incident_id, requested_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, requestId).setParameter(2, plant).setParameter(3, resourceId).setParameter(4, from).setParameter(5, to)
                .setParameter(6, cause.name()).setParameter(7, reason).setParameter(8, incidentId).setParameter(9, now).executeUpdate();
        for (String lot : lotsMadeOn(resourceId, from, to)) {
            String holdId = requestId + ":" + lot;
            holds.place(holdId, plant, List.of(lot), cause, reason + " (made on " + resourceId + " between " + from + " and " + to + ")",
                    null, incidentId, resourceId, from, to);
            em.createNativeQuery("INSERT INTO window_hold_lot (request_id, lot_id, hold_id) VALUES (?1, ?2, ?3)")
                    .setParameter(1, requestId).setParameter(2, lot).setParameter(3, holdId).executeUpdate();
        }
        WindowHold hold = get(requestId).orElseThrow();
        actions.record(OperatorActions.HOLD_PLACE, requestId, "lots made on " + resourceId + " between " + from + " and " + to + ": "
                + hold.lots().stream().map(LotHold::lotId).toList() + "; " + reason);
        return new Outcome(hold, true);
    }

    public Optional<WindowHold> get(String requestId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_id, plant_id, resource_id, window_from, window_to, cause, reason, incident_id, requested_at
                  FROM window_hold_request WHERE request_id = ?1""").setParameter(1, requestId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> lots = em.createNativeQuery("SELECT lot_id, hold_id FROM window_hold_lot WHERE request_id = ?1 ORDER BY lot_id")
                .setParameter(1, requestId).getResultList();
        return Optional.of(new WindowHold((String) r[0], (String) r[1], (String) r[2], SqlTimes.instant(r[3]), SqlTimes.instant(r[4]),
                HoldCause.valueOf((String) r[5]), (String) r[6], (String) r[7], SqlTimes.instant(r[8]),
                lots.stream().map(l -> new LotHold((String) l[0], (String) l[1])).toList()));
    }

    /** Lots produced by orders worked on the resource at any moment inside [from, to]. */
    List<String> lotsMadeOn(String resourceId, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<String> lots = em.createNativeQuery("""
                SELECT DISTINCT o.lot_id FROM production_activity a JOIN lot_output o ON o.production_order_id = a.production_order_id
                 WHERE a.resource_id = ?1 AND a.first_at <= ?3 AND a.last_at >= ?2 ORDER BY o.lot_id""")
                .setParameter(1, resourceId).setParameter(2, from).setParameter(3, to).getResultList();
        return lots;
    }
}
