package io.millwright.maintenance.erp;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.camel.Body;
import org.jboss.logging.Logger;

import io.millwright.erp.contract.PostDowntimeRequest;
import io.millwright.erp.contract.PostDowntimeResponse;
import io.millwright.erp.contract.PostMaintenanceCostRequest;
import io.millwright.erp.contract.PostMaintenanceCostResponse;
import io.millwright.erp.contract.Quantity;
import io.millwright.erp.contract.SparePartDemand;
import io.millwright.kit.erp.ErpGateway;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.maintenance.config.MaintenanceConfig;
import io.millwright.maintenance.eam.EamWorkRequests;
import io.millwright.maintenance.incident.IncidentFollowUps;
import io.millwright.maintenance.incident.IncidentTimeline;
import io.millwright.maintenance.incident.IncidentView;
import io.millwright.maintenance.incident.Incidents;
import io.millwright.model.maintenance.MaintenanceIncident;

/**
 * M3: the ERP hears of an incident twice, never of raw telemetry: the spare parts its fault needs (with the repair's
 * cost estimate, on the asset's cost centre) once the incident is open, and its downtime (resource, cost centre, the
 * anomaly window, the work order it held up) once it resolved. Each posting's id is derived from the incident, so the
 * ERP takes it once however often it is sent.
 */
@ApplicationScoped
public class ErpPostings {

    private static final Logger LOG = Logger.getLogger(ErpPostings.class);

    @Inject
    ErpGateway erp;

    @Inject
    Incidents incidents;

    @Inject
    EamWorkRequests workRequests;

    @Inject
    IncidentTimeline timeline;

    @Inject
    MaintenanceConfig config;

    public static String postingId(String incidentId, String kind) {
        return incidentId + "-" + kind;
    }

    /** The work queue's step; the payload is {@code <incident id>:<PARTS|DOWNTIME>}. */
    public void post(@Body String payload) {
        int colon = payload.lastIndexOf(':');
        if (colon < 0) {
            throw new NonRetryableException("Not an ERP posting of an incident: " + payload);
        }
        String incidentId = payload.substring(0, colon);
        String kind = payload.substring(colon + 1);
        IncidentView view = incidents.get(incidentId).orElseThrow(() -> new NonRetryableException("No incident " + incidentId));
        if (IncidentFollowUps.PARTS.equals(kind)) {
            parts(view);
        } else if (IncidentFollowUps.DOWNTIME.equals(kind)) {
            downtime(view);
        } else {
            throw new NonRetryableException("Unknown ERP posting " + kind + " of incident " + incidentId);
        }
    }

    private void parts(IncidentView view) {
        MaintenanceIncident incident = view.incident();
        MaintenanceConfig.Fault fault = config.faults().get(incident.faultCode());
        PostMaintenanceCostRequest request = new PostMaintenanceCostRequest();
        request.setPostingId(postingId(incident.incidentId(), IncidentFollowUps.PARTS));
        request.setResourceId(incident.resourceId());
        request.setCostCenter(incident.costCenter());
        request.setWorkRequestId(view.eamWorkRequestId());
        request.setAmount(fault == null ? BigDecimal.ZERO : fault.estimatedCost().orElse(BigDecimal.ZERO));
        request.setCurrency(fault == null ? "EUR" : fault.currency());
        for (io.millwright.model.maintenance.SparePartDemand part : workRequests.spareParts(incident.faultCode())) {
            SparePartDemand demand = new SparePartDemand();
            demand.setItemId(part.itemId());
            Quantity quantity = new Quantity();
            quantity.setValue(part.quantity().value());
            quantity.setUnitOfMeasure(part.quantity().unitOfMeasure());
            demand.setQuantity(quantity);
            request.getSparePart().add(demand);
        }
        PostMaintenanceCostResponse response = erp.call("PostMaintenanceCost", request, PostMaintenanceCostResponse.class);
        posted(incident.incidentId(), "ERP_PARTS_POSTED", "Spare parts " + request.getSparePart().stream()
                .map(p -> p.getQuantity().getValue().stripTrailingZeros().toPlainString() + " " + p.getQuantity().getUnitOfMeasure() + " "
                        + p.getItemId()).toList() + " and " + request.getAmount() + " " + request.getCurrency() + " on cost centre "
                + incident.costCenter() + ": ERP document " + response.getDocumentNumber() + (response.isDuplicate() ? " (posted before)" : ""));
    }

    private void downtime(IncidentView view) {
        MaintenanceIncident incident = view.incident();
        if (view.resolvedAt() == null) {
            throw new NonRetryableException("Incident " + incident.incidentId() + " has not resolved: its downtime has no end");
        }
        PostDowntimeRequest request = new PostDowntimeRequest();
        request.setPostingId(postingId(incident.incidentId(), IncidentFollowUps.DOWNTIME));
        request.setResourceId(incident.resourceId());
        request.setCostCenter(incident.costCenter());
        request.setStartedAt(incident.firstAlertAt());
        request.setEndedAt(view.resolvedAt());
        request.setReasonCode(incident.faultCode());
        request.setProductionOrderNumber(incident.activeProductionOrderId());
        PostDowntimeResponse response = erp.call("PostDowntime", request, PostDowntimeResponse.class);
        posted(incident.incidentId(), "ERP_DOWNTIME_POSTED", "Downtime of " + incident.resourceId() + " from " + incident.firstAlertAt() + " to "
                + view.resolvedAt() + " (" + Duration.between(incident.firstAlertAt(), view.resolvedAt()).toMinutes() + " min, reason "
                + incident.faultCode() + (incident.activeProductionOrderId() == null ? "" : ", work order " + incident.activeProductionOrderId())
                + ") on cost centre " + incident.costCenter() + ": ERP document " + response.getDocumentNumber()
                + (response.isDuplicate() ? " (posted before)" : ""));
    }

    @Transactional
    void posted(String incidentId, String step, String detail) {
        timeline.record(incidentId, step, "erp", detail, null, Instant.now());
        LOG.infof("Incident %s: %s", incidentId, detail);
    }
}
