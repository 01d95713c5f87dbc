package io.millwright.maintenance.edge;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.event.InboundEventReader;
import io.millwright.maintenance.config.MaintenanceConfig;
import io.millwright.maintenance.incident.Incidents;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineState;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.SourceSequenced;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;

/**
 * M1 intake: the machine events the edge gateways publish. The edge contract numbers every event per source; an event
 * is taken once per {@code (ce_subject, ce_sequence)} (a replay after an outage brings events again: they are counted as
 * duplicates and change nothing), and a jump in a source's numbers is a gap: counted per plant
 * ({@code millwright.edge.sequence.gaps}, {@code millwright.edge.sequence.missing}), logged and kept on the source
 * ({@code GET /api/v1/edge/sources}), never silently accepted. An event whose envelope contradicts its data, or whose
 * asset has no place in the ERP, is refused: a dead letter with the reason, and the next event goes on.
 */
@ApplicationScoped
public class EdgeIntake {

    private static final Logger LOG = Logger.getLogger(EdgeIntake.class);
    /** The CloudEvents extension the edge numbers its events with ({@code ce_sequence}). */
    public static final String SEQUENCE_EXTENSION = "sequence";

    @Inject
    EntityManager em;

    @Inject
    MaintenanceConfig config;

    @Inject
    SourceSequences sequences;

    @Inject
    MachineStates states;

    @Inject
    Incidents incidents;

    @Inject
    MeterRegistry metrics;

    /** The edge events route's step, in one transaction: recorded once, then what it means. */
    @Transactional
    public void onEdgeEvent(CloudEvent event) {
        EventType type = EventType.fromType(event.getType());
        SourceSequenced data = (SourceSequenced) InboundEventReader.data(event, type.payloadClass());
        long sequence = sequenceOf(event, data);
        String subject = event.getSubject();
        if (subject == null || !subject.equals(data.sourceId())) {
            throw new NonRetryableException("The event's ce_subject " + subject + " is not its source " + data.sourceId()
                    + ": the edge contract keys every event by its source");
        }
        // the gap check commits on its own: an event refused below (a dead letter, replayed later) is not missing
        sequences.seen(data.plantId(), data.sourceId(), sequence);
        String assetId = assetOf(data);
        MaintenanceConfig.Asset asset = config.assets().get(assetId);
        if (asset == null) {
            throw new NonRetryableException("Asset " + assetId + " of plant " + data.plantId() + " has no place in the ERP: "
                    + "set millwright.maintenance.assets.\"" + assetId + "\".resource-id and cost-center, then replay this event");
        }
        Object extension = event.getExtension(DomainEvents.TRACEPARENT_EXTENSION);
        String traceparent = extension == null ? null : extension.toString();
        String faultCode = data instanceof MachineAlert alert ? alert.faultCode()
                : data instanceof MachineAlertCleared cleared ? cleared.faultCode()
                : ((MachineStateChange) data).faultCode();
        int inserted = em.createNativeQuery("""
                INSERT INTO machine_event (source_id, sequence_number, plant_id, asset_id, event_type, fault_code, severity, occurred_at,
                                           received_at, event_id, traceparent, outcome)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'TAKEN') ON CONFLICT DO NOTHING""")
                .setParameter(1, data.sourceId()).setParameter(2, sequence).setParameter(3, data.plantId()).setParameter(4, assetId)
                .setParameter(5, type.shortName()).setParameter(6, faultCode)
                .setParameter(7, data instanceof MachineAlert alert ? alert.severity().name() : null)
                .setParameter(8, occurredAt(data)).setParameter(9, Instant.now()).setParameter(10, event.getId())
                .setParameter(11, traceparent).executeUpdate();
        if (inserted == 0) {
            sequences.duplicate(data.plantId(), data.sourceId());
            LOG.debugf("Machine event %s/%d taken before: dropped", data.sourceId(), sequence);
            return;
        }
        String outcome;
        String incidentId = null;
        if (data instanceof MachineAlert alert) {
            if (alert.severity().compareTo(config.incidents().minSeverity()) < 0) {
                outcome = "BELOW_SEVERITY";
                metrics.counter("millwright.maintenance.alerts", "plant", alert.plantId(), "outcome", "below-severity").increment();
            } else {
                incidentId = incidents.alert(alert, asset, traceparent);
                outcome = "GROUPED";
                metrics.counter("millwright.maintenance.alerts", "plant", alert.plantId(), "outcome", "grouped").increment();
            }
        } else if (data instanceof MachineAlertCleared cleared) {
            incidentId = incidents.cleared(cleared).orElse(null);
            outcome = incidentId == null ? "CLEARED_NOTHING" : "CLEARED";
        } else {
            MachineStateChange change = (MachineStateChange) data;
            states.change(change, asset);
            outcome = "STATE";
            if (change.state() == MachineState.RUNNING) {
                List<String> cleared = incidents.running(change.plantId(), change.assetId(), change.changedAt());
                incidentId = cleared.isEmpty() ? null : cleared.get(0);
            }
        }
        em.createNativeQuery("UPDATE machine_event SET outcome = ?3, incident_id = ?4 WHERE source_id = ?1 AND sequence_number = ?2")
                .setParameter(1, data.sourceId()).setParameter(2, sequence).setParameter(3, outcome).setParameter(4, incidentId)
                .executeUpdate();
    }

    private static long sequenceOf(CloudEvent event, SourceSequenced data) {
        Object extension = event.getExtension(SEQUENCE_EXTENSION);
        if (extension == null) {
            throw new NonRetryableException("The event has no ce_sequence: the edge numbers every event per source");
        }
        long sequence;
        try {
            sequence = Long.parseLong(extension.toString());
        } catch (NumberFormatException e) {
            throw new NonRetryableException("ce_sequence " + extension + " is not a number");
        }
        if (sequence != data.sequenceNumber()) {
            throw new NonRetryableException("ce_sequence " + sequence + " is not the event's sequenceNumber " + data.sequenceNumber());
        }
        return sequence;
    }

    private static String assetOf(SourceSequenced data) {
        if (data instanceof MachineAlert alert) {
            return alert.assetId();
        }
        if (data instanceof MachineAlertCleared cleared) {
            return cleared.assetId();
        }
        return ((MachineStateChange) data).assetId();
    }

    private static Instant occurredAt(SourceSequenced data) {
        if (data instanceof MachineAlert alert) {
            return alert.raisedAt();
        }
        if (data instanceof MachineAlertCleared cleared) {
            return cleared.clearedAt();
        }
        return ((MachineStateChange) data).changedAt();
    }
}
