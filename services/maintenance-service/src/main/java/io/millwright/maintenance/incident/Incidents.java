package io.millwright.maintenance.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.persistence.SqlTimes;
import io.millwright.maintenance.config.MaintenanceConfig;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.event.EventType;
import io.millwright.model.maintenance.IncidentStatus;
import io.millwright.model.maintenance.MaintenanceIncident;
import io.millwright.model.maintenance.MaintenanceIncidentResolved;
import io.opentelemetry.context.Scope;

/**
 * M1: alerts become incidents with the semantics of Prometheus Alertmanager, per plant, asset and fault code.
 * <ul>
 * <li>A first alert starts a PENDING group and waits {@code group-wait}: still firing then, it is an incident (OPEN);
 * cleared by then, it was noise (DISCARDED, kept for the record).</li>
 * <li>Alerts of a group that is pending or open raise its count and last-seen, never a second incident.</li>
 * <li>An open incident whose fault has been cleared for {@code resolve-after} resolves; an alert before that keeps it
 * open. After it resolved, the next alert starts a new group.</li>
 * </ul>
 * Decisions are taken by the clock ({@link #evaluate}) on the state in the database, so open incidents, waiting groups
 * and their timers survive a restart. The waits count from when the platform learnt of an alert or clearing (a replay
 * after an edge outage brings old alerts and their clearings together: the clearing still arrives within the wait),
 * while the incident's times are the machine's.
 */
@ApplicationScoped
public class Incidents {

    private static final Logger LOG = Logger.getLogger(Incidents.class);

    public static final String PENDING = "PENDING";
    public static final String OPEN = "OPEN";
    public static final String DISCARDED = "DISCARDED";
    public static final String RESOLVED = "RESOLVED";

    @Inject
    EntityManager em;

    @Inject
    MaintenanceConfig config;

    @Inject
    IncidentTimeline timeline;

    @Inject
    IncidentFollowUps followUps;

    @Inject
    OutboxWriter outbox;

    @Inject
    MeterRegistry metrics;

    /** An alert at or above the minimum severity: joins its group or starts one. Returns the group's incident id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String alert(MachineAlert alert, MaintenanceConfig.Asset asset, String traceparent) {
        lock(alert.plantId(), alert.assetId(), alert.faultCode());
        Instant now = Instant.now();
        Optional<Object[]> active = active(alert.plantId(), alert.assetId(), alert.faultCode());
        if (active.isEmpty()) {
            long number = ((Number) em.createNativeQuery("SELECT nextval('incident_seq')").getSingleResult()).longValue();
            String incidentId = String.format("MI-%06d", number);
            Instant due = later(alert.raisedAt(), now).plus(config.incidents().groupWait());
            em.createNativeQuery("""
                    INSERT INTO incident (incident_id, plant_id, asset_id, fault_code, fault_description, severity, status, firing, alert_count,
                                          first_alert_at, last_alert_at, received_at, due_at, resource_id, work_center_id, cost_center,
                                          traceparent)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', TRUE, 1, ?7, ?7, ?8, ?9, ?10, ?11, ?12, ?13)""")
                    .setParameter(1, incidentId).setParameter(2, alert.plantId()).setParameter(3, alert.assetId())
                    .setParameter(4, alert.faultCode()).setParameter(5, alert.faultDescription()).setParameter(6, alert.severity().name())
                    .setParameter(7, alert.raisedAt()).setParameter(8, now).setParameter(9, due).setParameter(10, asset.resourceId())
                    .setParameter(11, asset.workCenterId().orElse(null)).setParameter(12, asset.costCenter()).setParameter(13, traceparent)
                    .executeUpdate();
            timeline.record(incidentId, "ALERT_RAISED", "edge", "Fault " + alert.faultCode() + describe(alert.faultDescription()) + " on "
                    + alert.assetId() + " (" + alert.severity() + "): waiting " + config.incidents().groupWait() + " before it is an incident",
                    traceparent, alert.raisedAt());
            return incidentId;
        }
        Object[] row = active.get();
        String incidentId = (String) row[0];
        String status = (String) row[1];
        AlertSeverity severity = AlertSeverity.valueOf((String) row[2]);
        AlertSeverity highest = alert.severity().compareTo(severity) > 0 ? alert.severity() : severity;
        boolean wasCleared = !((Boolean) row[3]);
        em.createNativeQuery("""
                UPDATE incident SET alert_count = alert_count + 1, firing = TRUE, cleared_at = NULL, severity = ?2,
                       first_alert_at = LEAST(first_alert_at, ?3), last_alert_at = GREATEST(last_alert_at, ?3),
                       due_at = CASE WHEN status = 'OPEN' THEN NULL ELSE due_at END
                 WHERE incident_id = ?1""").setParameter(1, incidentId).setParameter(2, highest.name()).setParameter(3, alert.raisedAt())
                .executeUpdate();
        if (wasCleared && OPEN.equals(status)) {
            timeline.record(incidentId, "ALERT_RAISED", "edge", "Fault " + alert.faultCode() + " raised again before the incident resolved",
                    (String) row[4], alert.raisedAt());
        }
        return incidentId;
    }

    /** The fault of an alert is no longer signalled. Returns the incident (or waiting group) it cleared, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> cleared(MachineAlertCleared cleared) {
        return clear(cleared.plantId(), cleared.assetId(), cleared.faultCode(), cleared.clearedAt(),
                "Fault " + cleared.faultCode() + " cleared on " + cleared.assetId());
    }

    /**
     * The machine reports RUNNING again: every fault of it still firing is cleared (a gateway that restarted does not
     * know which codes it raised before, but a running machine is no longer down). Returns the groups it cleared.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> running(String plantId, String assetId, Instant at) {
        @SuppressWarnings("unchecked")
        List<String> faults = em.createNativeQuery("SELECT fault_code FROM incident WHERE plant_id = ?1 AND asset_id = ?2 "
                + "AND status IN ('PENDING', 'OPEN') AND firing ORDER BY fault_code").setParameter(1, plantId).setParameter(2, assetId)
                .getResultList();
        List<String> cleared = new ArrayList<>();
        for (String fault : faults) {
            clear(plantId, assetId, fault, at, "Machine " + assetId + " is running again: fault " + fault + " cleared")
                    .ifPresent(cleared::add);
        }
        return cleared;
    }

    private Optional<String> clear(String plantId, String assetId, String faultCode, Instant clearedAt, String what) {
        lock(plantId, assetId, faultCode);
        Optional<Object[]> active = active(plantId, assetId, faultCode);
        if (active.isEmpty() || !((Boolean) active.get()[3])) {
            return active.map(a -> (String) a[0]);
        }
        String incidentId = (String) active.get()[0];
        String status = (String) active.get()[1];
        String traceparent = (String) active.get()[4];
        Instant now = Instant.now();
        // pending: group-wait's end decides; open: resolves unless raised again within resolve-after
        em.createNativeQuery("""
                UPDATE incident SET firing = FALSE, cleared_at = ?2,
                       due_at = CASE WHEN status = 'OPEN' THEN CAST(?3 AS TIMESTAMPTZ) ELSE due_at END
                 WHERE incident_id = ?1""").setParameter(1, incidentId).setParameter(2, clearedAt)
                .setParameter(3, now.plus(config.incidents().resolveAfter())).executeUpdate();
        if (OPEN.equals(status)) {
            timeline.record(incidentId, "ALERT_CLEARED", "edge", what + ": resolves if it stays cleared for " + config.incidents().resolveAfter(),
                    traceparent, clearedAt);
        }
        return Optional.of(incidentId);
    }

    /**
     * The clock: groups whose group-wait is over open or are discarded; incidents cleared for resolve-after resolve.
     * Several instances may run it: each decision is taken under the group's lock, on a fresh look at the row.
     *
     * @return how many incidents changed
     */
    @Transactional
    public int evaluate() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                SELECT incident_id, plant_id, asset_id, fault_code FROM incident WHERE status IN ('PENDING', 'OPEN') AND due_at <= ?1
                 ORDER BY due_at LIMIT 100""").setParameter(1, now).getResultList();
        int changed = 0;
        for (Object[] candidate : due) {
            String incidentId = (String) candidate[0];
            // the intake's lock first, then a fresh look: an alert taken meanwhile is never lost into a closed group
            lock((String) candidate[1], (String) candidate[2], (String) candidate[3]);
            Object[] r = (Object[]) em.createNativeQuery("SELECT status, firing, traceparent, alert_count, due_at FROM incident "
                    + "WHERE incident_id = ?1").setParameter(1, incidentId).getSingleResult();
            String status = (String) r[0];
            if (r[4] == null || SqlTimes.instant(r[4]).isAfter(now) || !(PENDING.equals(status) || OPEN.equals(status))) {
                continue;
            }
            boolean firing = (Boolean) r[1];
            try (Scope ignored = TraceContext.contextOf((String) r[2]).makeCurrent()) {
                if (PENDING.equals(status) && firing) {
                    open(incidentId, ((Number) r[3]).intValue());
                } else if (PENDING.equals(status)) {
                    discard(incidentId, ((Number) r[3]).intValue());
                } else if (!firing) {
                    resolve(incidentId);
                } else {
                    em.createNativeQuery("UPDATE incident SET due_at = NULL WHERE incident_id = ?1").setParameter(1, incidentId).executeUpdate();
                }
            }
            changed++;
        }
        return changed;
    }

    private void open(String incidentId, int alerts) {
        Instant now = Instant.now();
        em.createNativeQuery("UPDATE incident SET status = 'OPEN', opened_at = ?2, due_at = NULL WHERE incident_id = ?1")
                .setParameter(1, incidentId).setParameter(2, now).executeUpdate();
        MaintenanceIncident incident = get(incidentId).orElseThrow().incident();
        timeline.record(incidentId, "OPENED", "maintenance", "Incident opened: fault " + incident.faultCode() + " on " + incident.assetId()
                + " (resource " + incident.resourceId() + ") still signalled after " + config.incidents().groupWait() + ", " + alerts
                + " alert(s)", TraceContext.currentTraceparent(), now);
        metrics.counter("millwright.maintenance.incidents", "plant", incident.plantId(), "outcome", "opened").increment();
        followUps.opened(incidentId);
        LOG.infof("Incident %s opened: fault %s on %s (%s)", incidentId, incident.faultCode(), incident.assetId(), incident.resourceId());
    }

    private void discard(String incidentId, int alerts) {
        em.createNativeQuery("UPDATE incident SET status = 'DISCARDED', due_at = NULL WHERE incident_id = ?1").setParameter(1, incidentId)
                .executeUpdate();
        IncidentView view = get(incidentId).orElseThrow();
        timeline.record(incidentId, "DISCARDED", "maintenance", "Cleared within " + config.incidents().groupWait() + " (" + alerts
                + " alert(s)): noise, no incident", TraceContext.currentTraceparent(), Instant.now());
        metrics.counter("millwright.maintenance.incidents", "plant", view.incident().plantId(), "outcome", "discarded").increment();
    }

    private void resolve(String incidentId) {
        Instant now = Instant.now();
        em.createNativeQuery("UPDATE incident SET status = 'RESOLVED', resolved_at = cleared_at, due_at = NULL WHERE incident_id = ?1")
                .setParameter(1, incidentId).executeUpdate();
        IncidentView view = get(incidentId).orElseThrow();
        MaintenanceIncident incident = view.incident();
        timeline.record(incidentId, "RESOLVED", "maintenance", "Resolved: fault " + incident.faultCode() + " cleared at " + view.resolvedAt()
                + " and stayed cleared for " + config.incidents().resolveAfter() + "; down " + minutes(incident.firstAlertAt(), view.resolvedAt())
                + " min", TraceContext.currentTraceparent(), now);
        metrics.counter("millwright.maintenance.incidents", "plant", incident.plantId(), "outcome", "resolved").increment();
        if (view.correlatedAt() != null) {
            // otherwise the correlation publishes it, after the incident's opening
            publishResolved(view);
        }
        followUps.resolved(incidentId);
        LOG.infof("Incident %s resolved", incidentId);
    }

    /** {@code maintenance.incident.resolved}, once the incident's opening was published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishResolved(IncidentView view) {
        outbox.append(EventType.MAINTENANCE_INCIDENT_RESOLVED, view.incident().incidentId(),
                new MaintenanceIncidentResolved(view.incident(), view.resolvedAt()));
    }

    @Transactional
    public Optional<IncidentView> get(String incidentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE incident_id = ?1").setParameter(1, incidentId).getResultList();
        return rows.stream().findFirst().map(Incidents::view);
    }

    /** Incidents, newest first; PENDING and DISCARDED groups only when asked for by status. */
    @Transactional
    public List<IncidentView> list(String status, String assetId, String resourceId, int limit) {
        StringBuilder where = new StringBuilder(status == null ? " WHERE status NOT IN ('PENDING', 'DISCARDED')" : " WHERE status = :status");
        if (assetId != null) {
            where.append(" AND asset_id = :asset");
        }
        if (resourceId != null) {
            where.append(" AND resource_id = :resource");
        }
        jakarta.persistence.Query query = em.createNativeQuery(SELECT + where + " ORDER BY first_alert_at DESC, incident_id DESC LIMIT :limit");
        if (status != null) {
            query.setParameter("status", status);
        }
        if (assetId != null) {
            query.setParameter("asset", assetId);
        }
        if (resourceId != null) {
            query.setParameter("resource", resourceId);
        }
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(Incidents::view).toList();
    }

    private static final String SELECT = """
            SELECT incident_id, plant_id, asset_id, fault_code, fault_description, severity, status, alert_count, first_alert_at,
                   last_alert_at, active_production_order_id, resource_id, work_center_id, cost_center, affected_production_order_ids,
                   eam_work_request_id, eam_status, firing, cleared_at, opened_at, resolved_at, correlated_at, traceparent, received_at
              FROM incident""";

    private static IncidentView view(Object[] r) {
        String status = (String) r[6];
        String eamId = (String) r[15];
        String affected = (String) r[14];
        IncidentStatus modelStatus = switch (status) {
            case RESOLVED -> IncidentStatus.RESOLVED;
            case DISCARDED -> IncidentStatus.CLOSED;
            default -> eamId != null ? IncidentStatus.WORK_REQUESTED : IncidentStatus.OPEN;
        };
        MaintenanceIncident incident = new MaintenanceIncident((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                AlertSeverity.valueOf((String) r[5]), modelStatus, ((Number) r[7]).intValue(), SqlTimes.instant(r[8]), SqlTimes.instant(r[9]),
                (String) r[10], (String) r[11], (String) r[12], (String) r[13],
                affected == null ? null : affected.isEmpty() ? List.of() : Arrays.asList(affected.split(",")));
        String traceparent = (String) r[22];
        return new IncidentView(incident, status, (Boolean) r[17], r[18] == null ? null : SqlTimes.instant(r[18]),
                r[19] == null ? null : SqlTimes.instant(r[19]), r[20] == null ? null : SqlTimes.instant(r[20]),
                r[21] == null ? null : SqlTimes.instant(r[21]), eamId, (String) r[16], TraceContext.traceId(traceparent), traceparent,
                SqlTimes.instant(r[23]));
    }

    private Optional<Object[]> active(String plantId, String assetId, String faultCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT incident_id, status, severity, firing, traceparent FROM incident WHERE plant_id = ?1 "
                + "AND asset_id = ?2 AND fault_code = ?3 AND status IN ('PENDING', 'OPEN')").setParameter(1, plantId)
                .setParameter(2, assetId).setParameter(3, faultCode).getResultList();
        return rows.stream().findFirst();
    }

    private void lock(String plantId, String assetId, String faultCode) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "incident:" + plantId + "/" + assetId + "/"
                + faultCode).getSingleResult();
    }

    static long minutes(Instant from, Instant to) {
        return to == null ? 0 : Math.max(0, Duration.between(from, to).toMinutes());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String describe(String description) {
        return description == null ? "" : " (" + description + ")";
    }
}
