package io.millwright.maintenance.hold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.camel.Body;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.target.JsonBodies;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.target.TargetSystems;
import io.millwright.maintenance.config.MaintenanceConfig;
import io.millwright.maintenance.incident.IncidentTimeline;
import io.millwright.maintenance.incident.IncidentView;
import io.millwright.maintenance.incident.Incidents;
import io.millwright.model.maintenance.MaintenanceIncident;

/**
 * M5: once an incident resolved, every lot made on its resource during the anomaly window (its first alert to its
 * resolution) is held: quality-service's window hold (Q4), requested once per incident under the hold id
 * {@code MH-<incident id>} (quality-service answers the same id again with the same hold), with the incident id as its
 * cause. quality-service not answering is retried; a refusal is a dead letter with the reason.
 */
@ApplicationScoped
public class WindowHoldRequests {

    private static final Logger LOG = Logger.getLogger(WindowHoldRequests.class);
    public static final String TARGET = "quality";

    @Inject
    TargetSystems targets;

    @Inject
    Incidents incidents;

    @Inject
    IncidentTimeline timeline;

    @Inject
    MaintenanceConfig config;

    public static String holdId(String incidentId) {
        return "MH-" + incidentId;
    }

    /** The work queue's step; the payload is the incident id. */
    public void request(@Body String incidentId) {
        IncidentView view = incidents.get(incidentId).orElseThrow(() -> new NonRetryableException("No incident " + incidentId));
        if (view.resolvedAt() == null) {
            throw new NonRetryableException("Incident " + incidentId + " has not resolved: its anomaly window has no end");
        }
        MaintenanceIncident incident = view.incident();
        MaintenanceConfig.Asset asset = config.assets().get(incident.assetId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holdId", holdId(incidentId));
        if (asset != null && asset.plantId().isPresent()) {
            body.put("plantId", asset.plantId().get());
        }
        body.put("resourceId", incident.resourceId());
        body.put("from", incident.firstAlertAt());
        body.put("to", view.resolvedAt());
        body.put("reason", "Machine incident " + incidentId + ": fault " + incident.faultCode()
                + (incident.faultDescription() == null ? "" : " (" + incident.faultDescription() + ")") + " on " + incident.assetId());
        body.put("incidentId", incidentId);
        String json = JsonBodies.write(body);
        String what = "window hold " + holdId(incidentId);
        QualityApi quality = targets.restClient(QualityApi.class, TARGET);
        String answer = targets.callForText(TARGET, what, () -> quality.hold(json));
        List<String> lots = new ArrayList<>();
        for (JsonNode lot : JsonBodies.read(TARGET, what, answer).path("lots")) {
            lots.add(lot.path("lotId").asText());
        }
        requested(incidentId, "Window hold " + holdId(incidentId) + " of lots made on " + incident.resourceId() + " from "
                + incident.firstAlertAt() + " to " + view.resolvedAt() + ": " + (lots.isEmpty() ? "no lot was made then" : lots));
    }

    @Transactional
    void requested(String incidentId, String detail) {
        timeline.record(incidentId, "QUALITY_HOLD_REQUESTED", "quality-service", detail, null, Instant.now());
        LOG.infof("Incident %s: %s", incidentId, detail);
    }
}
