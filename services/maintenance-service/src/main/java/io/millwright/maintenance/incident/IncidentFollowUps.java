package io.millwright.maintenance.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.maintenance.config.MaintenanceConfig;

/**
 * What an incident sets off, as durable work (the kit's work queues: retries with growing pauses, then a dead letter an
 * operator replays), enqueued in the transaction that opened or resolved it and carrying its trace:
 * <ul>
 * <li>opened: {@value #CORRELATE} asks production-service for the work orders on the resource (M2, M4), publishes
 * {@code maintenance.incident.opened}, then the EAM work request ({@value #EAM}) and the spare-parts posting
 * ({@value #ERP}) follow;</li>
 * <li>resolved: the work request resolved in the EAM, the downtime posted to the ERP (M3) and the window hold requested
 * from quality-service ({@value #QUALITY_HOLD}, M5).</li>
 * </ul>
 * The EAM's items of one incident go one at a time in order, as do its ERP postings; the queues do not wait for each
 * other (an EAM outage never holds up the quality hold).
 */
@ApplicationScoped
public class IncidentFollowUps {

    public static final String CORRELATE = "maintenance.correlate";
    public static final String EAM = "maintenance.eam";
    public static final String ERP = "maintenance.erp";
    public static final String QUALITY_HOLD = "maintenance.quality-hold";

    public static final String PARTS = "PARTS";
    public static final String DOWNTIME = "DOWNTIME";

    @Inject
    WorkQueues queues;

    @Inject
    MaintenanceConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(String incidentId) {
        queues.enqueue(CORRELATE, incidentId, incidentId);
    }

    /** After the correlation: the work request, and the parts the fault needs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void correlated(String incidentId, String faultCode) {
        queues.enqueue(EAM, incidentId + ":open", incidentId, "eam:" + incidentId);
        MaintenanceConfig.Fault fault = config.faults().get(faultCode);
        if (fault != null && fault.parts().filter(p -> !p.isEmpty()).isPresent()) {
            queues.enqueue(ERP, incidentId + ":" + PARTS, incidentId + ":" + PARTS, "erp:" + incidentId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(String incidentId) {
        queues.enqueue(EAM, incidentId + ":resolved", incidentId, "eam:" + incidentId);
        queues.enqueue(ERP, incidentId + ":" + DOWNTIME, incidentId + ":" + DOWNTIME, "erp:" + incidentId);
        queues.enqueue(QUALITY_HOLD, incidentId, incidentId);
    }
}
