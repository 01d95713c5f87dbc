package io.millwright.maintenance.edge;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.millwright.maintenance.config.MaintenanceConfig;

/**
 * Machine events are kept for {@code millwright.maintenance.edge.retention} (deduplication of replays and the record of
 * what each alert became), then purged, a batch at a time. A replay older than that is far beyond any edge outage the
 * gateway's disk can hold.
 */
@ApplicationScoped
public class MachineEventRetention {

    private static final Logger LOG = Logger.getLogger(MachineEventRetention.class);

    @Inject
    EntityManager em;

    @Inject
    MaintenanceConfig config;

    @Transactional
    public int purge() {
        Instant before = Instant.now().minus(config.edge().retention());
        int purged = em.createNativeQuery("DELETE FROM machine_event WHERE ctid IN (SELECT ctid FROM machine_event WHERE received_at < ?1 "
                + "LIMIT 10000)").setParameter(1, before).executeUpdate();
        if (purged > 0) {
            LOG.infof("Purged %d machine event(s) received before %s", purged, before);
        }
        return purged;
    }
}
