package io.millwright.model.schema;

import io.millwright.model.common.Item;
import io.millwright.model.common.Lot;
import io.millwright.model.common.Money;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Resource;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.TelemetryAggregate;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.EventType;
import io.millwright.model.inventory.InventoryBalance;
import io.millwright.model.inventory.InventoryMovement;
import io.millwright.model.maintenance.MaintenanceIncident;
import io.millwright.model.maintenance.SparePartDemand;
import io.millwright.model.maintenance.WorkRequest;
import io.millwright.model.order.Customer;
import io.millwright.model.order.Price;
import io.millwright.model.order.SalesOrder;
import io.millwright.model.order.SalesOrderLine;
import io.millwright.model.order.ShipmentLine;
import io.millwright.model.production.ProductionComponent;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.model.production.ProductionOperation;
import io.millwright.model.production.ProductionOrder;
import io.millwright.model.production.Shift;
import io.millwright.model.quality.QualityCase;
import io.millwright.model.quality.QualityHold;
import io.millwright.model.quality.QualityMeasurement;
import io.millwright.model.quality.QualityResult;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/** Every canonical entity record with a published JSON Schema ({@code schemas/entities/<name>/v<version>.json}). */
public enum EntityType {

    QUANTITY("quantity", 1, Quantity.class),
    MONEY("money", 1, Money.class),
    ITEM("item", 1, Item.class),
    RESOURCE("resource", 1, Resource.class),
    LOT("lot", 1, Lot.class),

    CUSTOMER("customer", 1, Customer.class),
    PRICE("price", 1, Price.class),
    SALES_ORDER("sales-order", 1, SalesOrder.class),
    SALES_ORDER_LINE("sales-order-line", 1, SalesOrderLine.class),
    SHIPMENT_LINE("shipment-line", 1, ShipmentLine.class),

    PRODUCTION_ORDER("production-order", 1, ProductionOrder.class),
    PRODUCTION_OPERATION("production-operation", 1, ProductionOperation.class),
    PRODUCTION_COMPONENT("production-component", 1, ProductionComponent.class),
    SHIFT("shift", 1, Shift.class),
    PRODUCTION_CONFIRMATION("production-confirmation", 1, ProductionConfirmation.class),

    INVENTORY_BALANCE("inventory-balance", 1, InventoryBalance.class),
    INVENTORY_MOVEMENT("inventory-movement", 1, InventoryMovement.class),

    QUALITY_RESULT("quality-result", 1, QualityResult.class),
    QUALITY_MEASUREMENT("quality-measurement", 1, QualityMeasurement.class),
    QUALITY_HOLD("quality-hold", 1, QualityHold.class),
    QUALITY_CASE("quality-case", 1, QualityCase.class),

    MAINTENANCE_INCIDENT("maintenance-incident", 1, MaintenanceIncident.class),
    WORK_REQUEST("work-request", 1, WorkRequest.class),
    SPARE_PART_DEMAND("spare-part-demand", 1, SparePartDemand.class),

    TELEMETRY_SAMPLE("telemetry-sample", 1, TelemetrySample.class),
    TELEMETRY_AGGREGATE("telemetry-aggregate", 1, TelemetryAggregate.class),
    MACHINE_STATE_CHANGE("machine-state-change", 1, MachineStateChange.class),
    MACHINE_ALERT("machine-alert", 1, MachineAlert.class),
    MACHINE_ALERT_CLEARED("machine-alert-cleared", 1, MachineAlertCleared.class);

    private final String entityName;
    private final int version;
    private final Class<?> recordClass;

    EntityType(String entityName, int version, Class<?> recordClass) {
        this.entityName = entityName;
        this.version = version;
        this.recordClass = recordClass;
    }

    public String entityName() {
        return entityName;
    }

    public int version() {
        return version;
    }

    public Class<?> recordClass() {
        return recordClass;
    }

    /** e.g. {@code https://millwright.io/schemas/entities/sales-order/v1.json} */
    public URI schemaId() {
        return URI.create(EventType.SCHEMA_BASE_URI + schemaPath());
    }

    /** e.g. {@code schemas/entities/sales-order/v1.json} */
    public String schemaResource() {
        return "schemas/" + schemaPath();
    }

    private String schemaPath() {
        return "entities/" + entityName + "/v" + version + ".json";
    }

    public static Optional<EntityType> of(Class<?> recordClass) {
        return Arrays.stream(values()).filter(e -> e.recordClass.equals(recordClass)).findFirst();
    }
}
