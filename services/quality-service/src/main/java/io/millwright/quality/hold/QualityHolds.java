package io.millwright.quality.hold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.event.EventType;
import io.millwright.model.quality.HoldCause;
import io.millwright.model.quality.HoldStatus;
import io.millwright.model.quality.QualityHold;
import io.millwright.model.quality.QualityHoldPlaced;
import io.millwright.model.quality.QualityHoldReleased;
import io.millwright.model.quality.QualityResult;
import io.millwright.quality.config.QualityConfig;
import io.millwright.quality.genealogy.LotGenealogy;
import io.millwright.kit.persistence.SqlTimes;

/**
 * Q2/Q3: quality holds. A hold is a row with its lots, placed in the transaction of its cause and published as
 * {@code quality.hold.placed} through the outbox: inventory-service puts the lots' stock on hold in the ERP and the
 * WMS, each exactly once. Its id follows from its cause ({@code QH-<result id>}), so the same cause never holds twice.
 * Released only through a usage decision ({@link UsageDecisions}), published as {@code quality.hold.released}.
 */
@ApplicationScoped
public class QualityHolds {

    private static final Logger LOG = Logger.getLogger(QualityHolds.class);

    @Inject
    EntityManager em;

    @Inject
    OutboxWriter outbox;

    @Inject
    QualityConfig config;

    @Inject
    LotGenealogy genealogy;

    public static String holdIdForResultId(String resultId) {
        return "QH-" + resultId;
    }

    public Optional<String> holdIdForResult(String resultId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT hold_id FROM quality_hold WHERE hold_id = ?1")
                .setParameter(1, holdIdForResultId(resultId)).getResultList();
        return ids.stream().findFirst();
    }

    /**
     * Holds the failed lot ({@code QH-<result id>}) and, when configured, every lot made from it, each with a hold of its
     * own ({@code QP-<result hash>-<lot>}, released by that lot's usage decision); returns the failed lot's hold id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String placeForFailedResult(QualityResult result, String plantId) {
        String plant = plantId == null ? config.plantId() : plantId;
        String reason = "Result " + result.resultId() + " failed" + failedCharacteristics(result);
        String holdId = place(holdIdForResultId(result.resultId()), plant, List.of(result.lotId()), HoldCause.QUALITY_RESULT_FAILED, reason,
                result.resultId(), null, null, null, null);
        if (config.holds().includeProducts()) {
            String prefix = "QP-" + Integer.toHexString(result.resultId().hashCode()) + "-";
            for (String product : genealogy.lotsBelow(result.lotId(), LotGenealogy.Direction.PRODUCTS)) {
                place(prefix + product, plant, List.of(product), HoldCause.QUALITY_RESULT_FAILED, "Made from lot " + result.lotId() + ": "
                        + reason, result.resultId(), null, null, null, null);
            }
        }
        return holdId;
    }

    /** Places a hold unless one with this id exists (then returns it unchanged). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String place(String holdId, String plantId, List<String> lots, HoldCause cause, String reason, String resultId,
            String incidentId, String resourceId, Instant windowFrom, Instant windowTo) {
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                INSERT INTO quality_hold (hold_id, plant_id, cause, reason, resource_id, window_from, window_to, result_id, incident_id,
                    status, placed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'ACTIVE', ?10) ON CONFLICT DO NOTHING""")
                .setParameter(1, holdId).setParameter(2, plantId).setParameter(3, cause.name()).setParameter(4, reason)
                .setParameter(5, resourceId).setParameter(6, windowFrom).setParameter(7, windowTo).setParameter(8, resultId)
                .setParameter(9, incidentId).setParameter(10, now).executeUpdate();
        if (inserted == 0) {
            return holdId;
        }
        for (String lot : lots) {
            em.createNativeQuery("INSERT INTO quality_hold_lot (hold_id, lot_id) VALUES (?1, ?2)").setParameter(1, holdId).setParameter(2, lot)
                    .executeUpdate();
        }
        QualityHold hold = new QualityHold(holdId, plantId, lots, cause, reason, resourceId, windowFrom, windowTo, resultId, incidentId,
                HoldStatus.ACTIVE, now, null);
        outbox.append(EventType.QUALITY_HOLD_PLACED, holdId, new QualityHoldPlaced(hold));
        LOG.infof("Hold %s placed on %s: %s", holdId, lots, reason);
        return holdId;
    }

    /** Active holds that cover the lot. */
    public List<QualityHold> activeOn(String lotId) {
        return holds("SELECT h.hold_id FROM quality_hold h JOIN quality_hold_lot l ON l.hold_id = h.hold_id "
                + "WHERE l.lot_id = ?1 AND h.status = 'ACTIVE' ORDER BY h.placed_at", lotId);
    }

    /** Every hold that covers the lot, newest first. */
    public List<QualityHold> allOn(String lotId) {
        return holds("SELECT h.hold_id FROM quality_hold h JOIN quality_hold_lot l ON l.hold_id = h.hold_id "
                + "WHERE l.lot_id = ?1 ORDER BY h.placed_at DESC", lotId);
    }

    public Optional<QualityHold> get(String holdId) {
        return holds("SELECT hold_id FROM quality_hold WHERE hold_id = ?1", holdId).stream().findFirst();
    }

    /** Releases an active hold and publishes it; false when it was released before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean release(String holdId, String reason) {
        Instant now = Instant.now();
        int updated = em.createNativeQuery("UPDATE quality_hold SET status = 'RELEASED', released_at = ?2, release_reason = ?3 "
                + "WHERE hold_id = ?1 AND status = 'ACTIVE'").setParameter(1, holdId).setParameter(2, now).setParameter(3, reason).executeUpdate();
        if (updated == 0) {
            return false;
        }
        QualityHold hold = get(holdId).orElseThrow();
        outbox.append(EventType.QUALITY_HOLD_RELEASED, holdId, new QualityHoldReleased(holdId, hold.plantId(), hold.lotIds(), hold.resultId(),
                reason, now));
        LOG.infof("Hold %s released: %s", holdId, reason);
        return true;
    }

    private List<QualityHold> holds(String idQuery, String parameter) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery(idQuery).setParameter(1, parameter).getResultList();
        List<QualityHold> holds = new ArrayList<>();
        for (String id : ids) {
            Object[] h = (Object[]) em.createNativeQuery("""
                    SELECT hold_id, plant_id, cause, reason, resource_id, window_from, window_to, result_id, incident_id, status, placed_at,
                           released_at FROM quality_hold WHERE hold_id = ?1""").setParameter(1, id).getSingleResult();
            @SuppressWarnings("unchecked")
            List<String> lots = em.createNativeQuery("SELECT lot_id FROM quality_hold_lot WHERE hold_id = ?1 ORDER BY lot_id")
                    .setParameter(1, id).getResultList();
            holds.add(new QualityHold((String) h[0], (String) h[1], lots, HoldCause.valueOf((String) h[2]), (String) h[3], (String) h[4],
                    SqlTimes.instant(h[5]), SqlTimes.instant(h[6]), (String) h[7], (String) h[8], HoldStatus.valueOf((String) h[9]),
                    SqlTimes.instant(h[10]), SqlTimes.instant(h[11])));
        }
        return holds;
    }

    private static String failedCharacteristics(QualityResult result) {
        List<String> failed = result.measurements().stream().filter(m -> m.verdict() == io.millwright.model.quality.QualityVerdict.FAIL)
                .map(m -> m.characteristic()).toList();
        return failed.isEmpty() ? "" : ": " + String.join(", ", failed);
    }
}
