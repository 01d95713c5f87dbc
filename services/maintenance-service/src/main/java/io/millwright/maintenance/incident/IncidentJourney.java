package io.millwright.maintenance.incident;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.millwright.kit.journey.JourneyContributor;
import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyKey.Kind;
import io.millwright.model.journey.JourneyStep;
import io.millwright.model.journey.JourneyStep.Outcome;

/**
 * maintenance-service's part of a journey: the timeline of every machine incident the key leads to - by its id, a
 * production order that was on the machine, or the trace its first alert started - linked to those production orders.
 */
@ApplicationScoped
public class IncidentJourney implements JourneyContributor {

    static final String SERVICE = "maintenance-service";

    @Inject
    EntityManager em;

    @Inject
    IncidentTimeline timeline;

    @Override
    public List<JourneyStep> steps(JourneyKey key) {
        List<JourneyStep> steps = new ArrayList<>();
        for (Object[] incident : incidents(key)) {
            String incidentId = (String) incident[0];
            JourneyKey subject = JourneyKey.of(Kind.INCIDENT, incidentId);
            List<JourneyKey> orders = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            if (incident[1] != null) {
                ids.add((String) incident[1]);
            }
            if (incident[2] != null && !((String) incident[2]).isBlank()) {
                ids.addAll(List.of(((String) incident[2]).split(",")));
            }
            ids.forEach(id -> orders.add(JourneyKey.of(Kind.PRODUCTION_ORDER, id)));
            String correlationId = (String) incident[3];
            for (IncidentTimeline.Step step : timeline.of(incidentId)) {
                steps.add(new JourneyStep(SERVICE, system(step.system()), step.step(), step.detail(), step.at(), outcome(step.step()), correlationId,
                        step.traceId(), subject, "CORRELATED".equals(step.step()) ? orders : List.of()));
            }
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> incidents(JourneyKey key) {
        String where = switch (key.kind()) {
            case INCIDENT -> "incident_id = ?1";
            case PRODUCTION_ORDER -> "active_production_order_id = ?1 OR ?1 = ANY (string_to_array(affected_production_order_ids, ','))";
            case TRACE -> "substring(traceparent from 4 for 32) = ?1"
                    + " OR incident_id IN (SELECT incident_id FROM incident_timeline WHERE trace_id = ?1)";
            case CRM_ORDER, ORDER, SALES_ORDER, LOT -> null;
        };
        if (where == null) {
            return List.of();
        }
        return em.createNativeQuery("SELECT incident_id, active_production_order_id, affected_production_order_ids, correlation_id FROM incident"
                + " WHERE status <> 'DISCARDED' AND (" + where + ") ORDER BY first_alert_at LIMIT 50").setParameter(1, key.id()).getResultList();
    }

    /** The timeline names the edge, the EAM, the ERP and the services; the journey names systems the same way everywhere. */
    private static String system(String recorded) {
        return switch (recorded) {
            case "edge" -> "PLC";
            case "erp" -> "ERP";
            case "eam" -> "EAM";
            default -> "Millwright";
        };
    }

    private static Outcome outcome(String step) {
        return switch (step) {
            case "ALERT_RAISED" -> Outcome.FAILED;
            case "OPENED" -> Outcome.WAITING;
            case "DISCARDED", "ALERT_CLEARED" -> Outcome.INFO;
            default -> step.endsWith("_FAILED") ? Outcome.FAILED : Outcome.DONE;
        };
    }
}
