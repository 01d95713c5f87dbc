package io.millwright.maintenance.production;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.camel.Body;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.target.JsonBodies;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.target.TargetSystems;
import io.millwright.maintenance.incident.IncidentFollowUps;
import io.millwright.maintenance.incident.IncidentTimeline;
import io.millwright.maintenance.incident.IncidentView;
import io.millwright.maintenance.incident.Incidents;
import io.millwright.model.event.EventType;
import io.millwright.model.maintenance.MaintenanceIncidentOpened;

/**
 * M2/M4: an open incident learns the work orders on its resource from production-service: the one running there (the
 * work request names it, the ERP's downtime posting charges it) and every order running or waiting there (their sales
 * orders are at risk while the machine is down). Then {@code maintenance.incident.opened} is published, and the work
 * request and parts posting follow. production-service not answering is retried by the work queue.
 */
@ApplicationScoped
public class WorkOrderCorrelation {

    private static final Logger LOG = Logger.getLogger(WorkOrderCorrelation.class);
    public static final String TARGET = "production";

    @Inject
    EntityManager em;

    @Inject
    TargetSystems targets;

    @Inject
    Incidents incidents;

    @Inject
    IncidentTimeline timeline;

    @Inject
    IncidentFollowUps followUps;

    @Inject
    OutboxWriter outbox;

    /** The work queue's step; the payload is the incident id. */
    public void correlate(@Body String incidentId) {
        IncidentView view = incidents.get(incidentId)
                .orElseThrow(() -> new NonRetryableException("No incident " + incidentId));
        if (view.correlatedAt() != null) {
            return;
        }
        String resourceId = view.incident().resourceId();
        String what = "the work orders on resource " + resourceId;
        ProductionApi production = targets.restClient(ProductionApi.class, TARGET);
        String answer = targets.callForText(TARGET, what, () -> production.workOrders(resourceId));
        String active = null;
        List<String> affected = new ArrayList<>();
        for (JsonNode order : JsonBodies.read(TARGET, what, answer)) {
            String id = order.path("productionOrderId").asText(null);
            if (id == null || id.isBlank()) {
                continue;
            }
            affected.add(id);
            if (order.path("active").asBoolean(false) && active == null) {
                active = id;
            }
        }
        correlated(incidentId, active, affected);
    }

    @Transactional
    void correlated(String incidentId, String active, List<String> affected) {
        int updated = em.createNativeQuery("UPDATE incident SET correlated_at = ?2, active_production_order_id = ?3, "
                + "affected_production_order_ids = ?4 WHERE incident_id = ?1 AND correlated_at IS NULL").setParameter(1, incidentId)
                .setParameter(2, Instant.now()).setParameter(3, active).setParameter(4, String.join(",", affected)).executeUpdate();
        if (updated == 0) {
            return;
        }
        IncidentView view = incidents.get(incidentId).orElseThrow();
        timeline.record(incidentId, "CORRELATED", "production-service", active == null
                ? "No work order running on " + view.incident().resourceId() + (affected.isEmpty() ? "" : "; waiting: " + affected)
                : "Work order " + active + " running on " + view.incident().resourceId() + "; orders on the resource: " + affected,
                null, Instant.now());
        outbox.append(EventType.MAINTENANCE_INCIDENT_OPENED, incidentId, new MaintenanceIncidentOpened(view.incident()));
        if (Incidents.RESOLVED.equals(view.state())) {
            // resolved before production-service answered: its resolution follows its opening
            incidents.publishResolved(view);
        }
        followUps.correlated(incidentId, view.incident().faultCode());
        LOG.infof("Incident %s: active work order %s, orders on %s: %s", incidentId, active, view.incident().resourceId(), affected);
    }
}
