package io.millwright.maintenance.eam;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.camel.Body;
import org.jboss.logging.Logger;


import io.millwright.kit.target.JsonBodies;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.target.TargetSystems;
import io.millwright.maintenance.config.MaintenanceConfig;
import io.millwright.maintenance.incident.IncidentTimeline;
import io.millwright.maintenance.incident.IncidentView;
import io.millwright.maintenance.incident.Incidents;
import io.millwright.model.common.Quantity;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.event.EventType;
import io.millwright.model.maintenance.MaintenanceIncident;
import io.millwright.model.maintenance.SparePartDemand;
import io.millwright.model.maintenance.WorkRequest;
import io.millwright.model.maintenance.WorkRequestCreated;
import io.millwright.model.maintenance.WorkRequestPriority;
import io.millwright.model.webhook.WebhookSignature;

/**
 * M2: an incident becomes a work request in the EAM, and its resolution resolves it there. The EAM creates requests
 * idempotently by our id (the incident id, as SAP PM keeps an external number), so a retry after a lost answer opens
 * nothing twice. Each step brings the EAM to the incident's state: created once the incident knows its work orders,
 * resolved once it resolved. An EAM outage is retried by the work queue; a refusal is a dead letter with the reason.
 */
@ApplicationScoped
public class EamWorkRequests {

    private static final Logger LOG = Logger.getLogger(EamWorkRequests.class);
    public static final String TARGET = "eam";

    /** The incident is not yet correlated with its work orders: the work request waits (retried by the queue). */
    public static class NotYetCorrelatedException extends RuntimeException {
        public NotYetCorrelatedException(String message) {
            super(message);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    TargetSystems targets;

    @Inject
    Incidents incidents;

    @Inject
    IncidentTimeline timeline;

    @Inject
    OutboxWriter outbox;

    @Inject
    MaintenanceConfig config;

    /** The work queue's step; the payload is the incident id. */
    public void sync(@Body String incidentId) {
        IncidentView view = incidents.get(incidentId).orElseThrow(() -> new NonRetryableException("No incident " + incidentId));
        if (view.correlatedAt() == null) {
            throw new NotYetCorrelatedException("Incident " + incidentId + " does not know its work orders yet: its work request waits");
        }
        String eamId = view.eamWorkRequestId();
        if (eamId == null) {
            WorkRequest request = workRequest(view);
            String body = JsonBodies.write(body(view, request));
            String what = "work request " + incidentId;
            String answer = send(what, eam -> eam.create(sign(body), body));
            eamId = JsonBodies.read(TARGET, what, answer).path("workRequestId").asText(null);
            if (eamId == null || eamId.isBlank()) {
                throw new NonRetryableException("The EAM answered " + what + " without a workRequestId: " + answer);
            }
            created(incidentId, eamId);
        }
        if (Incidents.RESOLVED.equals(view.state()) && !"RESOLVED".equals(view.eamStatus())) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", "RESOLVED");
            status.put("note", "Fault " + view.incident().faultCode() + " cleared at " + view.resolvedAt() + " and stayed cleared; "
                    + view.incident().alertCount() + " alert(s)");
            status.put("at", view.resolvedAt());
            String body = JsonBodies.write(status);
            send("resolution of work request " + incidentId, eam -> eam.status(incidentId, sign(body), body));
            statusSent(incidentId, "RESOLVED");
        }
    }

    @Transactional
    void created(String incidentId, String eamId) {
        int updated = em.createNativeQuery("UPDATE incident SET eam_work_request_id = ?2, eam_status = 'OPEN' WHERE incident_id = ?1 "
                + "AND eam_work_request_id IS NULL").setParameter(1, incidentId).setParameter(2, eamId).executeUpdate();
        if (updated == 0) {
            return;
        }
        IncidentView view = incidents.get(incidentId).orElseThrow();
        WorkRequest request = workRequest(view);
        outbox.append(EventType.MAINTENANCE_WORK_REQUEST_CREATED, incidentId, new WorkRequestCreated(request));
        timeline.record(incidentId, "WORK_REQUESTED", "eam", "Work request " + eamId + " (" + request.priority() + ") created in the EAM"
                + (request.activeProductionOrderId() == null ? "" : " for work order " + request.activeProductionOrderId()), null, Instant.now());
        LOG.infof("Incident %s: EAM work request %s", incidentId, eamId);
    }

    @Transactional
    void statusSent(String incidentId, String status) {
        em.createNativeQuery("UPDATE incident SET eam_status = ?2 WHERE incident_id = ?1").setParameter(1, incidentId)
                .setParameter(2, status).executeUpdate();
        timeline.record(incidentId, "WORK_REQUEST_" + status, "eam", "Work request " + incidentId + " set to " + status + " in the EAM", null,
                Instant.now());
    }

    /** The canonical work request of an incident: our id is the incident's, the EAM's id once it answered. */
    public WorkRequest workRequest(IncidentView view) {
        MaintenanceIncident incident = view.incident();
        MaintenanceConfig.Fault fault = config.faults().get(incident.faultCode());
        WorkRequestPriority priority = fault != null && fault.priority().isPresent() ? fault.priority().get() : priority(incident.severity());
        String description = "Fault " + incident.faultCode() + (incident.faultDescription() == null ? "" : " (" + incident.faultDescription() + ")")
                + " on " + incident.assetId() + ", resource " + incident.resourceId() + ": " + incident.alertCount() + " alert(s) since "
                + incident.firstAlertAt();
        Quantity downtime = view.resolvedAt() == null ? null
                : new Quantity(BigDecimal.valueOf(Duration.between(incident.firstAlertAt(), view.resolvedAt()).toMinutes()), "MIN");
        return new WorkRequest(incident.incidentId(), view.eamWorkRequestId(), incident.incidentId(), incident.plantId(), incident.assetId(),
                priority, description, incident.activeProductionOrderId(), incident.costCenter(), downtime, spareParts(incident.faultCode()),
                view.openedAt() == null ? view.receivedAt() : view.openedAt());
    }

    /** The spare parts of a fault code ({@code millwright.maintenance.faults."<code>".parts}). */
    public List<SparePartDemand> spareParts(String faultCode) {
        MaintenanceConfig.Fault fault = config.faults().get(faultCode);
        List<SparePartDemand> parts = new ArrayList<>();
        if (fault == null || fault.parts().isEmpty()) {
            return parts;
        }
        for (String part : fault.parts().get()) {
            String[] fields = part.trim().split(":");
            if (fields.length != 3) {
                throw new NonRetryableException("Spare part '" + part + "' of fault " + faultCode + " is not <item>:<quantity>:<unit>");
            }
            try {
                parts.add(new SparePartDemand(fields[0], new Quantity(new BigDecimal(fields[1]), fields[2])));
            } catch (IllegalArgumentException e) {
                throw new NonRetryableException("Spare part '" + part + "' of fault " + faultCode + ": " + e.getMessage(), e);
            }
        }
        return parts;
    }

    private static WorkRequestPriority priority(AlertSeverity severity) {
        return switch (severity) {
            case CRITICAL -> WorkRequestPriority.HIGH;
            case WARNING -> WorkRequestPriority.MEDIUM;
            case INFO -> WorkRequestPriority.LOW;
        };
    }

    private static Map<String, Object> body(IncidentView view, WorkRequest request) {
        MaintenanceIncident incident = view.incident();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", incident.incidentId());
        body.put("incidentId", incident.incidentId());
        body.put("plantId", incident.plantId());
        body.put("assetId", incident.assetId());
        body.put("resourceId", incident.resourceId());
        body.put("workCenterId", incident.workCenterId());
        body.put("costCenter", incident.costCenter());
        body.put("faultCode", incident.faultCode());
        body.put("priority", request.priority().name());
        body.put("description", request.description());
        body.put("productionOrderId", incident.activeProductionOrderId());
        body.put("reportedAt", incident.firstAlertAt());
        body.put("spareParts", request.spareParts());
        return body;
    }

    private String send(String what, java.util.function.Function<EamApi, jakarta.ws.rs.core.Response> call) {
        EamApi eam = targets.restClient(EamApi.class, TARGET);
        return targets.callForText(TARGET, what, () -> call.apply(eam));
    }

    private String sign(String body) {
        String secret = targets.settings(TARGET).signingSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "millwright.kit.targets.eam.signing-secret (EAM_WEBHOOK_SECRET) is not set: work requests are not sent unsigned"));
        return WebhookSignature.sign(secret, Instant.now(), UUID.randomUUID().toString(), body);
    }
}
