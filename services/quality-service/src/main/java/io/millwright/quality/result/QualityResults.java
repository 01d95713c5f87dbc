package io.millwright.quality.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.millwright.kit.target.JsonBodies;
import io.millwright.kit.deadletter.DeadLetterStore;
import io.millwright.kit.deadletter.NewDeadLetter;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.quality.QualityMeasurement;
import io.millwright.model.quality.QualityResult;
import io.millwright.model.quality.QualityResultReceived;
import io.millwright.model.quality.QualityVerdict;
import io.millwright.quality.config.QualityConfig;
import io.millwright.kit.persistence.SqlTimes;
import io.millwright.quality.hold.QualityHolds;
import io.millwright.quality.qms.QmsCases;

/**
 * Q1: results from the QMS/LIMS. A result is stored once by its id (a resend is recognised; the same id with other
 * content is refused), correlated to its lot's production order and item, and applied: a FAIL places a hold (Q2). A
 * result for a lot no production confirmation has named yet waits (PENDING) and is applied in the transaction that
 * records the lot; one still waiting after {@code millwright.quality.results.match-within} becomes a dead letter with
 * the reason (EXPIRED). Never dropped.
 */
@ApplicationScoped
public class QualityResults {

    private static final Logger LOG = Logger.getLogger(QualityResults.class);
    public static final String SOURCE_QMS = "qms";
    public static final String EXPIRY_ROUTE_ID = "quality.result-expiry";

    public enum Status { PENDING, APPLIED, EXPIRED }

    /** What became of a result that arrived: new or a resend, and its state. */
    public record Receipt(String resultId, String lotId, Status status, boolean duplicate, String holdId) {
    }

    /** The same result id with other content. */
    public static class ConflictingResultException extends RuntimeException {
        public ConflictingResultException(String message) {
            super(message);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    OutboxWriter outbox;

    @Inject
    QualityHolds holds;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    QmsCases cases;

    @Inject
    QualityConfig config;

    @Transactional
    public Receipt receive(QmsResultRequest request, String sourceSystem) {
        lockLot(request.lotId());
        String hash = hash(request);
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery("SELECT content_hash, status, lot_id FROM quality_result WHERE result_id = ?1 FOR UPDATE")
                .setParameter(1, request.resultId()).getResultList();
        if (!existing.isEmpty()) {
            if (!hash.equals(existing.get(0)[0])) {
                throw new ConflictingResultException("Result " + request.resultId() + " was received before with other content; "
                        + "a corrected result needs a new result id");
            }
            return new Receipt(request.resultId(), (String) existing.get(0)[2], Status.valueOf((String) existing.get(0)[1]), true,
                    holds.holdIdForResult(request.resultId()).orElse(null));
        }
        Instant now = Instant.now();
        em.createNativeQuery("""
                INSERT INTO quality_result (result_id, source_system, lot_id, item_id, inspection_plan_id, verdict, measurements,
                    inspector_id, inspected_at, received_at, status, content_hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'PENDING', ?11)""")
                .setParameter(1, request.resultId()).setParameter(2, sourceSystem).setParameter(3, request.lotId())
                .setParameter(4, request.itemId()).setParameter(5, request.inspectionPlanId()).setParameter(6, request.verdict().name())
                .setParameter(7, JsonBodies.write(measurements(request))).setParameter(8, request.inspectorId()).setParameter(9, request.inspectedAt())
                .setParameter(10, now).setParameter(11, hash)
                .executeUpdate();
        Optional<LotOrigin> origin = origin(request.lotId());
        if (origin.isEmpty()) {
            LOG.infof("Result %s for lot %s, which no production confirmation has named yet: kept until it does", request.resultId(),
                    request.lotId());
            return new Receipt(request.resultId(), request.lotId(), Status.PENDING, false, null);
        }
        String holdId = apply(request.resultId(), origin.get());
        return new Receipt(request.resultId(), request.lotId(), Status.APPLIED, false, holdId);
    }

    /** Applies the results that waited for this lot (called in the transaction that records it). */
    public void onLotRecorded(String lotId) {
        lockLot(lotId);
        @SuppressWarnings("unchecked")
        List<String> waiting = em.createNativeQuery("SELECT result_id FROM quality_result WHERE lot_id = ?1 AND status = 'PENDING' "
                + "ORDER BY received_at FOR UPDATE").setParameter(1, lotId).getResultList();
        if (waiting.isEmpty()) {
            return;
        }
        LotOrigin origin = origin(lotId).orElseThrow();
        for (String resultId : waiting) {
            LOG.infof("Lot %s is known now: applying result %s that waited for it", lotId, resultId);
            apply(resultId, origin);
        }
    }

    /**
     * A result and the production event that names its lot arrive at once on different paths: each takes the lot's
     * lock, so the later transaction sees what the earlier one committed and the result is never left waiting.
     */
    private void lockLot(String lotId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "quality-lot:" + lotId).getSingleResult();
    }

    /** Results still waiting after the configured time: EXPIRED, each a dead letter with the reason. */
    @Transactional
    public int expire() {
        Duration within = config.results().matchWithin();
        @SuppressWarnings("unchecked")
        List<Object[]> stale = em.createNativeQuery("SELECT result_id, lot_id, received_at FROM quality_result WHERE status = 'PENDING' "
                + "AND received_at < ?1 ORDER BY received_at LIMIT 500 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Instant.now().minus(within)).getResultList();
        for (Object[] row : stale) {
            String resultId = (String) row[0];
            em.createNativeQuery("UPDATE quality_result SET status = 'EXPIRED' WHERE result_id = ?1").setParameter(1, resultId).executeUpdate();
            String reason = "Result " + resultId + " for lot " + row[1] + " matched no lot within " + within
                    + ": no production confirmation named the lot; check the lot id with the QMS, then replay";
            deadLetters.record(NewDeadLetter.of(EXPIRY_ROUTE_ID, reason).key(resultId).payload(view(resultId).map(JsonBodies::write).orElse(null)));
            LOG.warn(reason);
        }
        return stale.size();
    }

    /** Results of a lot, newest first. */
    @Transactional
    public List<QualityResult> ofLot(String lotId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT result_id FROM quality_result WHERE lot_id = ?1 ORDER BY inspected_at DESC, result_id")
                .setParameter(1, lotId).getResultList();
        return ids.stream().map(id -> view(id).orElseThrow()).toList();
    }

    public Optional<QualityResult> view(String resultId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT result_id, source_system, lot_id, item_id, production_order_id, inspection_plan_id, verdict, measurements,
                       inspector_id, inspected_at FROM quality_result WHERE result_id = ?1""").setParameter(1, resultId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        List<QualityMeasurement> measurements;
        try {
            measurements = ModelJson.mapper().readValue((String) r[7], new TypeReference<List<QualityMeasurement>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored measurements of " + resultId + " cannot be read", e);
        }
        return Optional.of(new QualityResult((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                QualityVerdict.valueOf((String) r[6]), measurements, (String) r[8], SqlTimes.instant(r[9])));
    }

    /** Where a lot came from: its production order and item (the lot was produced) or only its item (consumed). */
    record LotOrigin(String lotId, String itemId, String productionOrderId, String plantId) {
    }

    private Optional<LotOrigin> origin(String lotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT o.item_id, o.production_order_id, r.plant_id FROM lot_output o
                  LEFT JOIN production_run r ON r.production_order_id = o.production_order_id
                 WHERE o.lot_id = ?1 ORDER BY o.occurred_at LIMIT 1""").setParameter(1, lotId).getResultList();
        if (!rows.isEmpty()) {
            return Optional.of(new LotOrigin(lotId, (String) rows.get(0)[0], (String) rows.get(0)[1], (String) rows.get(0)[2]));
        }
        @SuppressWarnings("unchecked")
        List<String> consumed = em.createNativeQuery("SELECT item_id FROM lot_consumption WHERE lot_id = ?1 LIMIT 1").setParameter(1, lotId)
                .getResultList();
        return consumed.isEmpty() ? Optional.empty() : Optional.of(new LotOrigin(lotId, consumed.get(0), null, null));
    }

    private String apply(String resultId, LotOrigin origin) {
        em.createNativeQuery("UPDATE quality_result SET status = 'APPLIED', applied_at = ?2, production_order_id = ?3, "
                + "item_id = coalesce(item_id, ?4) WHERE result_id = ?1")
                .setParameter(1, resultId).setParameter(2, Instant.now()).setParameter(3, origin.productionOrderId())
                .setParameter(4, origin.itemId()).executeUpdate();
        QualityResult result = view(resultId).orElseThrow();
        outbox.append(EventType.QUALITY_RESULT_RECEIVED, result.lotId(), new QualityResultReceived(result, Instant.now()));
        if (result.verdict() == QualityVerdict.FAIL) {
            String holdId = holds.placeForFailedResult(result, origin.plantId());
            cases.request(result, holdId);
            return holdId;
        }
        return null;
    }

    private static List<QualityMeasurement> measurements(QmsResultRequest request) {
        return request.characteristics() == null ? List.of() : request.characteristics().stream()
                .map(c -> new QualityMeasurement(c.name(), c.value() == null ? null : new Quantity(c.value(), c.unit() == null ? "-" : c.unit()),
                        c.textValue(),
                        c.lowerLimit() == null ? null : new Quantity(c.lowerLimit(), c.unit() == null ? "-" : c.unit()),
                        c.upperLimit() == null ? null : new Quantity(c.upperLimit(), c.unit() == null ? "-" : c.unit()), c.verdict()))
                .toList();
    }

    private static String hash(QmsResultRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JsonBodies.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
