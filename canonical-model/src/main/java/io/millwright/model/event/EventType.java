package io.millwright.model.event;

import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.TelemetryAggregate;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.inventory.InventoryBalanceChanged;
import io.millwright.model.inventory.InventoryMovementPosted;
import io.millwright.model.inventory.InventoryVarianceDetected;
import io.millwright.model.inventory.StockStatusChanged;
import io.millwright.model.maintenance.MaintenanceIncidentOpened;
import io.millwright.model.maintenance.MaintenanceIncidentResolved;
import io.millwright.model.maintenance.WorkRequestCreated;
import io.millwright.model.order.OrderAccepted;
import io.millwright.model.order.OrderAtRisk;
import io.millwright.model.order.OrderConfirmed;
import io.millwright.model.order.OrderMilestoneReached;
import io.millwright.model.order.OrderRejected;
import io.millwright.model.order.OrderShipped;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.DispatchAcknowledged;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.model.quality.QualityCaseOpened;
import io.millwright.model.quality.QualityHoldPlaced;
import io.millwright.model.quality.QualityHoldReleased;
import io.millwright.model.quality.QualityResultReceived;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every Millwright domain event: CloudEvents type, schema version, Kafka topic and payload class.
 * Changing a payload incompatibly means a new schema file and a version bump here, never an edit of
 * a released schema (the build checks that against {@code schema-baseline}).
 */
public enum EventType {

    ORDER_ACCEPTED("order.accepted", 1, Topics.ORDER_EVENTS, OrderAccepted.class),
    ORDER_CONFIRMED("order.confirmed", 1, Topics.ORDER_EVENTS, OrderConfirmed.class),
    ORDER_REJECTED("order.rejected", 1, Topics.ORDER_EVENTS, OrderRejected.class),
    ORDER_AT_RISK("order.at-risk", 1, Topics.ORDER_EVENTS, OrderAtRisk.class),
    ORDER_MILESTONE_REACHED("order.milestone.reached", 1, Topics.ORDER_EVENTS, OrderMilestoneReached.class),
    ORDER_SHIPPED("order.shipped", 1, Topics.ORDER_EVENTS, OrderShipped.class),

    PRODUCTION_ORDER_RELEASED("production.order.released", 1, Topics.PRODUCTION_EVENTS, ProductionOrderReleased.class),
    PRODUCTION_DISPATCH_ACKNOWLEDGED("production.dispatch.acknowledged", 1, Topics.PRODUCTION_EVENTS, DispatchAcknowledged.class),
    PRODUCTION_CONFIRMATION_POSTED("production.confirmation.posted", 1, Topics.PRODUCTION_EVENTS, ConfirmationPosted.class),

    INVENTORY_MOVEMENT_POSTED("inventory.movement.posted", 1, Topics.INVENTORY_EVENTS, InventoryMovementPosted.class),
    INVENTORY_BALANCE_CHANGED("inventory.balance.changed", 1, Topics.INVENTORY_EVENTS, InventoryBalanceChanged.class),
    INVENTORY_VARIANCE_DETECTED("inventory.variance.detected", 1, Topics.INVENTORY_EVENTS, InventoryVarianceDetected.class),
    INVENTORY_STOCK_STATUS_CHANGED("inventory.stock-status.changed", 1, Topics.INVENTORY_EVENTS, StockStatusChanged.class),

    QUALITY_RESULT_RECEIVED("quality.result.received", 1, Topics.QUALITY_EVENTS, QualityResultReceived.class),
    QUALITY_HOLD_PLACED("quality.hold.placed", 1, Topics.QUALITY_EVENTS, QualityHoldPlaced.class),
    QUALITY_HOLD_RELEASED("quality.hold.released", 1, Topics.QUALITY_EVENTS, QualityHoldReleased.class),
    QUALITY_CASE_OPENED("quality.case.opened", 1, Topics.QUALITY_EVENTS, QualityCaseOpened.class),

    MAINTENANCE_INCIDENT_OPENED("maintenance.incident.opened", 1, Topics.MAINTENANCE_EVENTS, MaintenanceIncidentOpened.class),
    MAINTENANCE_WORK_REQUEST_CREATED("maintenance.work-request.created", 1, Topics.MAINTENANCE_EVENTS, WorkRequestCreated.class),
    MAINTENANCE_INCIDENT_RESOLVED("maintenance.incident.resolved", 1, Topics.MAINTENANCE_EVENTS, MaintenanceIncidentResolved.class),

    EDGE_TELEMETRY_SAMPLED("edge.telemetry.sampled", 1, Topics.EDGE_TELEMETRY, TelemetrySample.class),
    EDGE_TELEMETRY_AGGREGATED("edge.telemetry.aggregated", 1, Topics.EDGE_TELEMETRY, TelemetryAggregate.class),
    EDGE_MACHINE_STATE_CHANGED("edge.machine-state.changed", 1, Topics.EDGE_EVENTS, MachineStateChange.class),
    EDGE_MACHINE_ALERT_RAISED("edge.machine-alert.raised", 1, Topics.EDGE_EVENTS, MachineAlert.class),
    EDGE_MACHINE_ALERT_CLEARED("edge.machine-alert.cleared", 1, Topics.EDGE_EVENTS, MachineAlertCleared.class);

    public static final String TYPE_PREFIX = "io.millwright.";
    public static final String SCHEMA_BASE_URI = "https://millwright.io/schemas/";

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String shortName;
    private final int version;
    private final String topic;
    private final Class<?> payloadClass;

    EventType(String shortName, int version, String topic, Class<?> payloadClass) {
        this.shortName = shortName;
        this.version = version;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    /** CloudEvents {@code type}, e.g. {@code io.millwright.order.accepted}. */
    public String type() {
        return TYPE_PREFIX + shortName;
    }

    /** e.g. {@code order.accepted}; names the schema directory. */
    public String shortName() {
        return shortName;
    }

    /** Version of the data schema this code produces. */
    public int version() {
        return version;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadClass() {
        return payloadClass;
    }

    /** CloudEvents {@code dataschema}, e.g. {@code https://millwright.io/schemas/events/order.accepted/v1.json}. */
    public URI dataschema() {
        return URI.create(SCHEMA_BASE_URI + schemaPath());
    }

    /** Classpath resource of the data schema, e.g. {@code schemas/events/order.accepted/v1.json}. */
    public String schemaResource() {
        return "schemas/" + schemaPath();
    }

    private String schemaPath() {
        return "events/" + shortName + "/v" + version + ".json";
    }

    /** @throws IllegalArgumentException for a type that is not a Millwright event type */
    public static EventType fromType(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("unknown event type '" + type + "'"));
    }

    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).toList();
    }
}
