package io.millwright.model.event;

import java.util.List;

/** Kafka topic names: one per domain, plus the two edge topics. */
public final class Topics {

    public static final String ORDER_EVENTS = "millwright.order.events";
    public static final String PRODUCTION_EVENTS = "millwright.production.events";
    public static final String INVENTORY_EVENTS = "millwright.inventory.events";
    public static final String QUALITY_EVENTS = "millwright.quality.events";
    public static final String MAINTENANCE_EVENTS = "millwright.maintenance.events";
    /** High-volume samples and aggregates; may be retained for less time than business events. */
    public static final String EDGE_TELEMETRY = "millwright.edge.telemetry";
    /** Machine state changes and alerts: never dropped at the edge. */
    public static final String EDGE_EVENTS = "millwright.edge.events";

    public static final List<String> ALL = List.of(ORDER_EVENTS, PRODUCTION_EVENTS, INVENTORY_EVENTS,
            QUALITY_EVENTS, MAINTENANCE_EVENTS, EDGE_TELEMETRY, EDGE_EVENTS);

    private Topics() {
    }
}
