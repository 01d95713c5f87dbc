package io.millwright.quality.genealogy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.millwright.kit.journey.JourneyContributor;
import io.millwright.kit.journey.JourneyLookups;
import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyKey.Kind;
import io.millwright.model.journey.JourneyStep;
import io.millwright.model.journey.JourneyStep.Outcome;
import io.millwright.kit.persistence.SqlTimes;

/**
 * quality-service's part of a journey: for every lot the key leads to - the lot itself, the lots a production order
 * made, the lots an incident's window hold took - the confirmations that made it, its QMS results, holds, cases and
 * usage decision (its genealogy both ways is {@code /api/v1/lots/{lot}/genealogy}).
 */
@ApplicationScoped
public class LotJourney implements JourneyContributor {

    static final String SERVICE = "quality-service";

    private static final Map<Kind, String> QUERIES = Map.of(
            Kind.LOT, "SELECT CAST(?1 AS text)",
            Kind.PRODUCTION_ORDER, "SELECT lot_id FROM lot_output WHERE production_order_id = ?1"
                    + " UNION SELECT lot_id FROM quality_result WHERE production_order_id = ?1",
            Kind.INCIDENT, "SELECT l.lot_id FROM window_hold_lot l JOIN window_hold_request r ON r.request_id = l.request_id WHERE r.incident_id = ?1"
                    + " UNION SELECT l.lot_id FROM quality_hold_lot l JOIN quality_hold h ON h.hold_id = l.hold_id WHERE h.incident_id = ?1");

    @Inject
    EntityManager em;

    @Override
    public List<JourneyStep> steps(JourneyKey key) {
        List<JourneyStep> steps = new ArrayList<>();
        for (String lot : lots(key)) {
            steps.addAll(steps(lot));
        }
        return steps;
    }

    private Set<String> lots(JourneyKey key) {
        return JourneyLookups.ids(em, key, QUERIES);
    }

    @SuppressWarnings("unchecked")
    private List<JourneyStep> steps(String lot) {
        JourneyKey subject = JourneyKey.of(Kind.LOT, lot);
        List<JourneyStep> steps = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT confirmation_id, production_order_id, quantity, unit, resource_id, occurred_at"
                + " FROM lot_output WHERE lot_id = ?1 ORDER BY occurred_at LIMIT 200").setParameter(1, lot).getResultList()) {
            steps.add(new JourneyStep(SERVICE, "MES", "LOT_PRODUCED", "%s %s of lot %s by confirmation %s of %s on %s".formatted(
                    ((BigDecimal) r[2]).stripTrailingZeros().toPlainString(), r[3], lot, r[0], r[1], r[4]), SqlTimes.instant(r[5]), Outcome.DONE,
                    null, null, subject, List.of(JourneyKey.of(Kind.PRODUCTION_ORDER, (String) r[1]))));
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT result_id, source_system, verdict, inspection_plan_id, inspected_at"
                + " FROM quality_result WHERE lot_id = ?1 ORDER BY inspected_at LIMIT 200").setParameter(1, lot).getResultList()) {
            boolean passed = "PASS".equals(r[2]);
            steps.add(new JourneyStep(SERVICE, "QMS", "QUALITY_RESULT", "Result %s from %s: %s%s".formatted(r[0], r[1], r[2],
                    r[3] == null ? "" : " (plan " + r[3] + ")"), SqlTimes.instant(r[4]), passed ? Outcome.DONE : Outcome.FAILED, null, null, subject,
                    List.of()));
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT h.hold_id, h.cause, h.reason, h.incident_id, h.placed_at, h.released_at,"
                + " h.release_reason FROM quality_hold h JOIN quality_hold_lot l ON l.hold_id = h.hold_id WHERE l.lot_id = ?1 ORDER BY h.placed_at LIMIT 200")
                .setParameter(1, lot).getResultList()) {
            List<JourneyKey> links = r[3] == null ? List.of() : List.of(JourneyKey.of(Kind.INCIDENT, (String) r[3]));
            steps.add(new JourneyStep(SERVICE, "Millwright", "QUALITY_HOLD_PLACED", "Hold %s (%s): %s".formatted(r[0], r[1], r[2]),
                    SqlTimes.instant(r[4]), Outcome.DONE, null, null, subject, links));
            if (r[5] != null) {
                steps.add(new JourneyStep(SERVICE, "Millwright", "QUALITY_HOLD_RELEASED", "Hold %s released%s".formatted(r[0],
                        r[6] == null ? "" : ": " + r[6]), SqlTimes.instant(r[5]), Outcome.DONE, null, null, subject, List.of()));
            }
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT case_id, qms_case_id, title, status, requested_at, opened_at"
                + " FROM quality_case WHERE lot_id = ?1 ORDER BY requested_at LIMIT 200").setParameter(1, lot).getResultList()) {
            boolean opened = r[5] != null;
            steps.add(new JourneyStep(SERVICE, "QMS", "QMS_CASE", "Case %s%s: %s (%s)".formatted(r[0], r[1] == null ? "" : " = QMS " + r[1], r[2], r[3]),
                    SqlTimes.instant(opened ? r[5] : r[4]), opened ? Outcome.DONE : Outcome.WAITING, null, null, subject, List.of()));
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT decision, code, reason, decided_by, decided_at FROM usage_decision WHERE lot_id = ?1")
                .setParameter(1, lot).getResultList()) {
            steps.add(new JourneyStep(SERVICE, "QMS", "USAGE_DECISION", "Usage decision %s%s%s by %s".formatted(r[0], r[1] == null ? "" : " " + r[1],
                    r[2] == null ? "" : ": " + r[2], r[3]), SqlTimes.instant(r[4]), "ACCEPT".equals(r[0]) ? Outcome.DONE : Outcome.FAILED, null, null,
                    subject, List.of()));
        }
        return steps;
    }
}
