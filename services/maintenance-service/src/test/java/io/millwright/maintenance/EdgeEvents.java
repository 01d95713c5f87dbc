package io.millwright.maintenance;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineState;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.SourceSequenced;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.restassured.path.json.JsonPath;

/**
 * One asset of one plant as the edge gateway publishes it: machine events numbered per source
 * ({@code <plant>/assets/<asset>}), {@code ce_id = <source>/<sequence>}, {@code ce_sequence} and a traceparent, on
 * {@code millwright.edge.events}. Each test gets a plant of its own, so sources and groups never meet.
 */
final class EdgeEvents {

    final String plantId;
    final String assetId;
    final String sourceId;
    private final AtomicLong sequence = new AtomicLong();

    EdgeEvents(String assetId) {
        this("P-" + UUID.randomUUID().toString().substring(0, 8), assetId);
    }

    EdgeEvents(String plantId, String assetId) {
        this.plantId = plantId;
        this.assetId = assetId;
        this.sourceId = plantId + "/assets/" + assetId;
    }

    /** The next event's number. */
    long next() {
        return sequence.incrementAndGet();
    }

    /** Jumps the numbering: the next {@code skipped} numbers are never sent (a gap). */
    void skip(long skipped) {
        sequence.addAndGet(skipped);
    }

    CloudEvent raised(long seq, String faultCode, AlertSeverity severity, Instant at) {
        return event(EventType.EDGE_MACHINE_ALERT_RAISED, new MachineAlert(plantId, sourceId, seq, assetId, faultCode,
                "Fault " + faultCode, severity, "press.fault", null, at));
    }

    CloudEvent cleared(long seq, String faultCode, Instant at) {
        return event(EventType.EDGE_MACHINE_ALERT_CLEARED, new MachineAlertCleared(plantId, sourceId, seq, assetId, faultCode, "press.fault", at));
    }

    CloudEvent state(long seq, MachineState previous, MachineState state, String faultCode, Instant at) {
        return event(EventType.EDGE_MACHINE_STATE_CHANGED, new MachineStateChange(plantId, sourceId, seq, assetId, previous, state, faultCode,
                faultCode == null ? null : "Fault " + faultCode, at));
    }

    /** Sends the next alert of the fault now. */
    CloudEvent raise(String faultCode, AlertSeverity severity) {
        CloudEvent event = raised(next(), faultCode, severity, Instant.now());
        KafkaTestClient.publish(event);
        return event;
    }

    CloudEvent clear(String faultCode) {
        CloudEvent event = cleared(next(), faultCode, Instant.now());
        KafkaTestClient.publish(event);
        return event;
    }

    static String traceparent(CloudEvent event) {
        return String.valueOf(event.getExtension(DomainEvents.TRACEPARENT_EXTENSION));
    }

    private CloudEvent event(EventType type, SourceSequenced data) {
        long seq = data.sequenceNumber();
        String traceparent = "00-" + hex(32) + "-" + hex(16) + "-01";
        CloudEvent event = DomainEvents.toCloudEvent(type, DomainEvents.source("edge-gateway:" + plantId), sourceId + "/" + seq, sourceId,
                data, Instant.now(), null, traceparent);
        return CloudEventBuilder.v1(event).withExtension("sequence", Long.toString(seq)).build();
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, digits);
    }

    /** The incidents of this plant's asset in a state (null: open and resolved ones). */
    JsonPath incidents(String state) {
        var request = given().queryParam("assetId", assetId).queryParam("limit", 1000);
        if (state != null) {
            request = request.queryParam("state", state);
        }
        return request.get("/api/v1/incidents").then().statusCode(200).extract().jsonPath();
    }

    /** This plant's groups of a fault in a state: the incident views. */
    java.util.List<Map<String, Object>> groups(String state, String faultCode) {
        return incidents(state).<Map<String, Object>> getList("$").stream()
                .filter(i -> plantId.equals(((Map<?, ?>) i.get("incident")).get("plantId"))
                        && faultCode.equals(((Map<?, ?>) i.get("incident")).get("faultCode")))
                .toList();
    }
}
