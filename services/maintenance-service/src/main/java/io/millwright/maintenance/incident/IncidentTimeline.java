package io.millwright.maintenance.incident;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.persistence.SqlTimes;

/** Every step of an incident, from its first alert to its hold, with the system involved and the trace id. */
@ApplicationScoped
public class IncidentTimeline {

    public record Step(Instant at, String step, String system, String detail, String traceId) {
    }

    @Inject
    EntityManager em;

    /** Records a step in the caller's transaction; {@code traceparent} null means the current trace. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String incidentId, String step, String system, String detail, String traceparent, Instant at) {
        String traceId = TraceContext.traceId(traceparent != null ? traceparent : TraceContext.currentTraceparent());
        em.createNativeQuery("INSERT INTO incident_timeline (incident_id, at, step, system, detail, trace_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, incidentId).setParameter(2, at == null ? Instant.now() : at).setParameter(3, step).setParameter(4, system)
                .setParameter(5, detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail).setParameter(6, traceId).executeUpdate();
    }

    @Transactional
    public List<Step> of(String incidentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT at, step, system, detail, trace_id FROM incident_timeline WHERE incident_id = ?1 "
                + "ORDER BY id").setParameter(1, incidentId).getResultList();
        return rows.stream().map(r -> new Step(SqlTimes.instant(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4])).toList();
    }
}
