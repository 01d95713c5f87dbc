package io.millwright.maintenance.edge;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.persistence.SqlTimes;

/**
 * The sequence numbers of each edge source: the highest seen, and the gaps found. The edge numbers a source's events
 * without gaps and replays them in order, so a number more than one above the highest means events that never
 * arrived: each gap is logged, counted per plant ({@code millwright.edge.sequence.gaps}, and the numbers it skipped in
 * {@code millwright.edge.sequence.missing}) and kept on the source. A number at or below the highest is a replay
 * (deduplicated by the machine event record) or a dead letter coming back.
 */
@ApplicationScoped
public class SourceSequences {

    private static final Logger LOG = Logger.getLogger(SourceSequences.class);

    public record Source(String sourceId, String plantId, long highestSequence, long events, long duplicates, long gaps, long missing,
            String lastGap, Instant lastGapAt, Instant lastEventAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    /** Records that the source's event {@code sequence} arrived, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void seen(String plantId, String sourceId, long sequence) {
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                INSERT INTO edge_source (source_id, plant_id, highest_sequence, events, last_event_at) VALUES (?1, ?2, ?3, 1, ?4)
                ON CONFLICT DO NOTHING""").setParameter(1, sourceId).setParameter(2, plantId).setParameter(3, sequence)
                .setParameter(4, now).executeUpdate();
        // the plant's counters exist (at 0) from its first event after a start, so dashboards and rates see the plant
        Counter gaps = metrics.counter("millwright.edge.sequence.gaps", "plant", plantId);
        Counter missingEvents = metrics.counter("millwright.edge.sequence.missing", "plant", plantId);
        metrics.counter("millwright.edge.duplicates", "plant", plantId);
        if (inserted > 0) {
            return;
        }
        Number highest = (Number) em.createNativeQuery("SELECT highest_sequence FROM edge_source WHERE source_id = ?1 FOR UPDATE")
                .setParameter(1, sourceId).getSingleResult();
        long before = highest.longValue();
        if (sequence <= before) {
            return;
        }
        long missing = sequence - before - 1;
        if (missing > 0) {
            String gap = (before + 1) + (missing == 1 ? "" : ".." + (sequence - 1));
            em.createNativeQuery("UPDATE edge_source SET gaps = gaps + 1, missing = missing + ?2, last_gap = ?3, last_gap_at = ?4 "
                    + "WHERE source_id = ?1").setParameter(1, sourceId).setParameter(2, missing).setParameter(3, gap).setParameter(4, now)
                    .executeUpdate();
            gaps.increment();
            missingEvents.increment(missing);
            LOG.warnf("Edge source %s of plant %s skipped sequence %s (%d event(s) never arrived)", sourceId, plantId, gap, missing);
        }
        em.createNativeQuery("UPDATE edge_source SET highest_sequence = ?2, events = events + 1, last_event_at = ?3 WHERE source_id = ?1")
                .setParameter(1, sourceId).setParameter(2, sequence).setParameter(3, now).executeUpdate();
    }

    /** An event taken before came again (a replay). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void duplicate(String plantId, String sourceId) {
        em.createNativeQuery("UPDATE edge_source SET duplicates = duplicates + 1 WHERE source_id = ?1").setParameter(1, sourceId)
                .executeUpdate();
        metrics.counter("millwright.edge.duplicates", "plant", plantId).increment();
    }

    @Transactional
    public List<Source> all(String plantId) {
        jakarta.persistence.Query query = em.createNativeQuery("SELECT source_id, plant_id, highest_sequence, events, duplicates, gaps, "
                + "missing, last_gap, last_gap_at, last_event_at FROM edge_source" + (plantId == null ? "" : " WHERE plant_id = ?1")
                + " ORDER BY plant_id, source_id");
        if (plantId != null) {
            query.setParameter(1, plantId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Source((String) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), (String) r[7],
                SqlTimes.instant(r[8]), SqlTimes.instant(r[9]))).toList();
    }
}
