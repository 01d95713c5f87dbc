package io.millwright.quality.hold;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.millwright.kit.audit.OperatorActions;
import io.millwright.model.quality.QualityHold;
import io.millwright.quality.genealogy.LotGenealogy;
import io.millwright.kit.persistence.SqlTimes;

/**
 * Q2/Q3, SAP QM's rule: stock leaves quality hold only through a usage decision, one per lot. ACCEPT releases the
 * holds on the lot, unless a lot it was made from (at any depth) is still on hold; REJECT keeps the stock held. The
 * same decision again changes nothing; a contradicting one is refused with the reason.
 */
@ApplicationScoped
public class UsageDecisions {

    public enum Decision { ACCEPT, REJECT }

    public record UsageDecision(String lotId, Decision decision, String code, String reason, String decidedBy, Instant decidedAt) {
    }

    /** The outcome: the decision as recorded, whether it was recorded before, and the holds it released. */
    public record Outcome(UsageDecision decision, boolean repeated, List<String> releasedHolds) {
    }

    /** A decision that cannot be taken: it contradicts the lot's decision, or a component lot is still on hold. */
    public static class RefusedDecisionException extends RuntimeException {
        public RefusedDecisionException(String message) {
            super(message);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    QualityHolds holds;

    @Inject
    OperatorActions actions;

    @Inject
    LotGenealogy genealogy;

    @Transactional
    public Outcome decide(String lotId, Decision decision, String code, String reason, String decidedBy) {
        // one decision per lot: concurrent decisions on the same lot queue up behind this lock
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "usage-decision:" + lotId).getSingleResult();
        Optional<UsageDecision> existing = of(lotId);
        if (existing.isPresent()) {
            if (existing.get().decision() == decision) {
                return new Outcome(existing.get(), true, List.of());
            }
            throw new RefusedDecisionException("Lot " + lotId + " has the usage decision " + existing.get().decision() + " since "
                    + existing.get().decidedAt() + (existing.get().decidedBy() == null ? "" : " by " + existing.get().decidedBy())
                    + "; " + decision + " contradicts it");
        }
        if (decision == Decision.ACCEPT) {
            List<String> heldComponents = heldComponentsOf(lotId);
            if (!heldComponents.isEmpty()) {
                throw new RefusedDecisionException("Lot " + lotId + " cannot be released: it was made from " + String.join(", ", heldComponents)
                        + ", still on quality hold");
            }
        }
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO usage_decision (lot_id, decision, code, reason, decided_by, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, lotId).setParameter(2, decision.name()).setParameter(3, code).setParameter(4, reason)
                .setParameter(5, decidedBy).setParameter(6, now).executeUpdate();
        List<String> released = List.of();
        if (decision == Decision.ACCEPT) {
            String why = "Usage decision ACCEPT on lot " + lotId + (code == null ? "" : " (" + code + ")") + (reason == null ? "" : ": " + reason);
            released = holds.activeOn(lotId).stream().map(QualityHold::holdId).filter(id -> holds.release(id, why)).toList();
        }
        actions.record(OperatorActions.USAGE_DECISION, lotId, decision + (code == null ? "" : " (" + code + ")")
                + (reason == null ? "" : ": " + reason) + (released.isEmpty() ? "" : "; released " + String.join(", ", released)));
        return new Outcome(new UsageDecision(lotId, decision, code, reason, decidedBy, now), false, released);
    }

    public Optional<UsageDecision> of(String lotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT lot_id, decision, code, reason, decided_by, decided_at FROM usage_decision WHERE lot_id = ?1")
                .setParameter(1, lotId).getResultList();
        return rows.stream().findFirst().map(r -> new UsageDecision((String) r[0], Decision.valueOf((String) r[1]), (String) r[2], (String) r[3],
                (String) r[4], SqlTimes.instant(r[5])));
    }

    /** Lots this one was made from, at any depth, that an active hold covers (the lot's own holds not counted). */
    List<String> heldComponentsOf(String lotId) {
        return genealogy.lotsBelow(lotId, LotGenealogy.Direction.COMPONENTS).stream().filter(lot -> !holds.activeOn(lot).isEmpty()).toList();
    }
}
