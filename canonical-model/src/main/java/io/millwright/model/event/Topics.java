package io.millwright.model.event;

import java.util.List;

/** Kafka topic names: one per domain, the two edge topics, and the topic CRM integrations push orders to. */
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

    /** Orders pushed by CRM integrations (JSON, key = CRM order id), read by order-service (O1 over Kafka). */
    public static final String CRM_ORDERS = "millwright.crm.orders";

    /** The topics of domain events (CloudEvents). */
    public static final List<String> ALL = List.of(ORDER_EVENTS, PRODUCTION_EVENTS, INVENTORY_EVENTS,
            QUALITY_EVENTS, MAINTENANCE_EVENTS, EDGE_TELEMETRY, EDGE_EVENTS);

    /** Every topic the platform uses: what a broker must have before the services start. */
    public static final List<String> PLATFORM = List.of(CRM_ORDERS, ORDER_EVENTS, PRODUCTION_EVENTS, INVENTORY_EVENTS,
            QUALITY_EVENTS, MAINTENANCE_EVENTS, EDGE_TELEMETRY, EDGE_EVENTS);

    private Topics() {
    }
}
