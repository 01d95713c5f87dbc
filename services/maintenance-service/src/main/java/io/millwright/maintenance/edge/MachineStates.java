package io.millwright.maintenance.edge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.millwright.kit.persistence.SqlTimes;
import io.millwright.maintenance.config.MaintenanceConfig;
import io.millwright.model.edge.MachineState;
import io.millwright.model.edge.MachineStateChange;

/**
 * M1 downtime: each machine state change ends the asset's current state period and starts the next, on the asset's
 * ERP resource. Downtime is every period in which the machine was not RUNNING (with its state and fault), the raw
 * material of the ERP's downtime postings and of an availability figure.
 */
@ApplicationScoped
public class MachineStates {

    public record Period(String plantId, String assetId, String resourceId, MachineState state, String faultCode, String faultDescription,
            Instant startedAt, Instant endedAt, long seconds) {
    }

    /** A resource's states over a window: its downtime periods and how much of the window it was running. */
    public record Availability(String resourceId, Instant from, Instant to, long observedSeconds, long runningSeconds, long downSeconds,
            Double availability, List<Period> downtime) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void change(MachineStateChange change, MaintenanceConfig.Asset asset) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "machine-state:" + change.plantId() + "/"
                + change.assetId()).getSingleResult();
        // a change older than the open period's start (the edge replays in order, so only after a reset) starts nothing
        @SuppressWarnings("unchecked")
        List<Object> open = em.createNativeQuery("SELECT started_at FROM machine_state_period WHERE plant_id = ?1 AND asset_id = ?2 "
                + "AND ended_at IS NULL").setParameter(1, change.plantId()).setParameter(2, change.assetId()).getResultList();
        if (!open.isEmpty() && SqlTimes.instant(open.get(0)).isAfter(change.changedAt())) {
            return;
        }
        em.createNativeQuery("UPDATE machine_state_period SET ended_at = ?3 WHERE plant_id = ?1 AND asset_id = ?2 AND ended_at IS NULL")
                .setParameter(1, change.plantId()).setParameter(2, change.assetId()).setParameter(3, change.changedAt()).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO machine_state_period (plant_id, asset_id, resource_id, state, fault_code, fault_description, started_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, change.plantId()).setParameter(2, change.assetId()).setParameter(3, asset.resourceId())
                .setParameter(4, change.state().name()).setParameter(5, change.faultCode()).setParameter(6, change.faultDescription())
                .setParameter(7, change.changedAt()).executeUpdate();
    }

    /** The resource's state periods overlapping [from, to], cut to the window (an open period ends at {@code to}). */
    @Transactional
    public Availability of(String resourceId, Instant from, Instant to) {
        Query query = em.createNativeQuery("""
                SELECT plant_id, asset_id, resource_id, state, fault_code, fault_description, started_at, ended_at
                  FROM machine_state_period
                 WHERE resource_id = ?1 AND started_at < ?3 AND (ended_at IS NULL OR ended_at > ?2)
                 ORDER BY started_at, id""").setParameter(1, resourceId).setParameter(2, from).setParameter(3, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        long observed = 0;
        long running = 0;
        List<Period> down = new ArrayList<>();
        for (Object[] r : rows) {
            Instant start = SqlTimes.instant(r[6]);
            Instant end = r[7] == null ? null : SqlTimes.instant(r[7]);
            Instant cutStart = start.isBefore(from) ? from : start;
            Instant cutEnd = end == null || end.isAfter(to) ? to : end;
            long seconds = Math.max(0, Duration.between(cutStart, cutEnd).toSeconds());
            MachineState state = MachineState.valueOf((String) r[3]);
            observed += seconds;
            if (state == MachineState.RUNNING) {
                running += seconds;
            } else {
                down.add(new Period((String) r[0], (String) r[1], (String) r[2], state, (String) r[4], (String) r[5], start, end, seconds));
            }
        }
        Double availability = observed == 0 ? null : (double) running / observed;
        return new Availability(resourceId, from, to, observed, running, observed - running, availability, down);
    }
}
