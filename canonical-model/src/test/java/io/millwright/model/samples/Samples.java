package io.millwright.model.samples;

import io.millwright.model.common.Item;
import io.millwright.model.common.ItemType;
import io.millwright.model.common.Lot;
import io.millwright.model.common.Money;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Resource;
import io.millwright.model.common.ResourceType;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineState;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetryAggregate;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.inventory.InventoryBalance;
import io.millwright.model.inventory.InventoryBalanceChanged;
import io.millwright.model.inventory.InventoryMovement;
import io.millwright.model.inventory.InventoryMovementPosted;
import io.millwright.model.inventory.InventoryVarianceDetected;
import io.millwright.model.inventory.MovementType;
import io.millwright.model.inventory.StockStatus;
import io.millwright.model.inventory.StockStatusChanged;
import io.millwright.model.maintenance.IncidentStatus;
import io.millwright.model.maintenance.MaintenanceIncident;
import io.millwright.model.maintenance.MaintenanceIncidentOpened;
import io.millwright.model.maintenance.MaintenanceIncidentResolved;
import io.millwright.model.maintenance.SparePartDemand;
import io.millwright.model.maintenance.WorkRequest;
import io.millwright.model.maintenance.WorkRequestCreated;
import io.millwright.model.maintenance.WorkRequestPriority;
import io.millwright.model.order.AtRiskCause;
import io.millwright.model.order.Customer;
import io.millwright.model.order.OrderAccepted;
import io.millwright.model.order.OrderAtRisk;
import io.millwright.model.order.OrderConfirmed;
import io.millwright.model.order.OrderMilestone;
import io.millwright.model.order.OrderMilestoneReached;
import io.millwright.model.order.OrderRejected;
import io.millwright.model.order.OrderShipped;
import io.millwright.model.order.Price;
import io.millwright.model.order.SalesOrder;
import io.millwright.model.order.SalesOrderLine;
import io.millwright.model.order.SalesOrderStatus;
import io.millwright.model.order.ShipmentLine;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.DispatchAcknowledged;
import io.millwright.model.production.ProductionComponent;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.model.production.ProductionOperation;
import io.millwright.model.production.ProductionOrder;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.model.production.ProductionOrderStatus;
import io.millwright.model.production.Shift;
import io.millwright.model.quality.CaseStatus;
import io.millwright.model.quality.HoldCause;
import io.millwright.model.quality.HoldStatus;
import io.millwright.model.quality.QualityCase;
import io.millwright.model.quality.QualityCaseOpened;
import io.millwright.model.quality.QualityHold;
import io.millwright.model.quality.QualityHoldPlaced;
import io.millwright.model.quality.QualityHoldReleased;
import io.millwright.model.quality.QualityMeasurement;
import io.millwright.model.quality.QualityResult;
import io.millwright.model.quality.QualityResultReceived;
import io.millwright.model.quality.QualityVerdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One realistic instance of every canonical record: the single place tests take sample data from. */
public final class Samples {

    public static final Instant T0 = Instant.parse("2025-03-14T08:15:30.123Z");

    public static final Quantity QUANTITY = Quantity.of("12.500", "KG");
    public static final Money MONEY = Money.of("1499.90", "EUR");
    public static final Item ITEM = new Item("MAT-4711", "Bracket, steel, zinc plated", "EA", ItemType.FINISHED_GOOD, true, true);
    public static final Resource RESOURCE = new Resource("PRESS-07", "PLANT-1", "Hydraulic press 7", ResourceType.MACHINE,
            "LINE-2", "CC-4100", "EAM-000777");
    public static final Lot LOT = new Lot("LOT-2025-0314-01", "MAT-4711", "PLANT-1", "PO-100200", "PRESS-07",
            T0.minusSeconds(7200), T0, Quantity.of("480", "EA"), LocalDate.of(2027, 3, 14), null);

    public static final Customer CUSTOMER = new Customer("CUST-1001", "Acme Tooling GmbH", "crm-acc-88", "100455", "EUR",
            "NET30", Money.of("250000", "EUR"), false);
    public static final Price PRICE = new Price("MAT-4711", "CUST-1001", Money.of("2.35", "EUR"), "EA",
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    public static final SalesOrderLine SALES_ORDER_LINE = new SalesOrderLine(10, "MAT-4711", Quantity.of("500", "EA"),
            Money.of("2.35", "EUR"));
    public static final SalesOrder SALES_ORDER = new SalesOrder("SO-7f3a9c", "CRM-2025-000123", "CUST-1001", "4500012345",
            SalesOrderStatus.CONFIRMED, List.of(SALES_ORDER_LINE), Money.of("1175.00", "EUR"), LocalDate.of(2025, 4, 1), T0);
    public static final ShipmentLine SHIPMENT_LINE = new ShipmentLine(10, "MAT-4711", Quantity.of("500", "EA"), "LOT-2025-0314-01");

    public static final ProductionOperation PRODUCTION_OPERATION = new ProductionOperation("0010", "Press forming",
            "PRESS-07", "WC-PRESS", Quantity.of("30", "MIN"), Quantity.of("0.25", "MIN"));
    public static final ProductionComponent PRODUCTION_COMPONENT = new ProductionComponent(1, "MAT-0815",
            Quantity.of("260.4", "KG"), "0010", "RM-01", null);
    public static final ProductionOrder PRODUCTION_ORDER = new ProductionOrder("PO-100200", "PLANT-1", "MAT-4711",
            Quantity.of("500", "EA"), ProductionOrderStatus.RELEASED, "LINE-2", "SO-7f3a9c", "LOT-2025-0314-01",
            T0.plusSeconds(3600), LocalDate.of(2025, 3, 20), List.of(PRODUCTION_OPERATION), List.of(PRODUCTION_COMPONENT));
    public static final Shift SHIFT = new Shift("PLANT-1-2025-03-14-EARLY", "PLANT-1", "Early", LocalDate.of(2025, 3, 14),
            Instant.parse("2025-03-14T05:00:00Z"), Instant.parse("2025-03-14T13:00:00Z"));
    public static final ProductionConfirmation PRODUCTION_CONFIRMATION = new ProductionConfirmation("MES-CNF-000981",
            ConfirmationKind.COMPLETION, "PO-100200", "0010", "PRESS-07", "MAT-4711", Quantity.of("480", "EA"),
            "LOT-2025-0314-01", "PLANT-1-2025-03-14-EARLY", null, null, true, T0);

    public static final InventoryBalance INVENTORY_BALANCE = new InventoryBalance("MAT-4711", "LOT-2025-0314-01", "PLANT-1",
            "FG-01", StockStatus.UNRESTRICTED, Quantity.of("480", "EA"), T0);
    public static final InventoryMovement INVENTORY_MOVEMENT = new InventoryMovement("MOV-MES-CNF-000981",
            MovementType.PRODUCTION_RECEIPT, "MAT-4711", "LOT-2025-0314-01", "PLANT-1", null, "FG-01",
            Quantity.of("480", "EA"), StockStatus.UNRESTRICTED, "PO-100200", null, "MES-CNF-000981", T0);

    public static final QualityMeasurement QUALITY_MEASUREMENT = new QualityMeasurement("Wall thickness",
            Quantity.of("2.31", "MM"), null, Quantity.of("2.20", "MM"), Quantity.of("2.40", "MM"), QualityVerdict.PASS);
    public static final QualityResult QUALITY_RESULT = new QualityResult("LIMS-55123", "LIMS", "LOT-2025-0314-01",
            "MAT-4711", "PO-100200", "IP-4711-A", QualityVerdict.FAIL,
            List.of(QUALITY_MEASUREMENT, new QualityMeasurement("Surface", null, "scratches", null, null, QualityVerdict.FAIL)),
            "QA-17", T0);
    public static final QualityHold QUALITY_HOLD = new QualityHold("HOLD-0042", "PLANT-1", List.of("LOT-2025-0314-01"),
            HoldCause.QUALITY_RESULT_FAILED, "Surface defects found by LIMS", "PRESS-07", T0.minusSeconds(7200), T0,
            "LIMS-55123", null, HoldStatus.ACTIVE, T0.plusSeconds(60), null);
    public static final QualityCase QUALITY_CASE = new QualityCase("QC-0007", "QMS-NC-2025-031", "Surface scratches on MAT-4711",
            List.of("LOT-2025-0314-01"), "HOLD-0042", "LIMS-55123", CaseStatus.OPEN, T0.plusSeconds(90));

    public static final MaintenanceIncident MAINTENANCE_INCIDENT = new MaintenanceIncident("INC-0311", "PLANT-1", "PRESS-07",
            "HYD-PRESSURE-LOW", "Hydraulic pressure below limit", AlertSeverity.CRITICAL, IncidentStatus.OPEN, 3,
            T0.minusSeconds(300), T0, "PO-100200", "PRESS-07", "WC-PRESS", "CC-4100", List.of("PO-100200", "PO-100201"));
    public static final SparePartDemand SPARE_PART_DEMAND = new SparePartDemand("SP-HYD-SEAL-40", Quantity.of("2", "EA"));
    public static final WorkRequest WORK_REQUEST = new WorkRequest("WR-0311", "EAM-WR-99812", "INC-0311", "PLANT-1",
            "PRESS-07", WorkRequestPriority.HIGH, "Check hydraulic unit, replace seals", "PO-100200", "CC-4100",
            Quantity.of("90", "MIN"), List.of(SPARE_PART_DEMAND), T0.plusSeconds(30));

    public static final TelemetrySample TELEMETRY_SAMPLE = new TelemetrySample("PLANT-1", "plc-press-07", 184467L, "PRESS-07",
            "hydraulic.pressure", Quantity.of("182.4", "BAR"), null, SampleQuality.GOOD, null, T0);
    public static final TelemetryAggregate TELEMETRY_AGGREGATE = new TelemetryAggregate("PLANT-1", "plc-press-07", 184468L,
            "PRESS-07", "hydraulic.pressure", T0.minusSeconds(60), T0, 60, 58, Quantity.of("171.0", "BAR"),
            Quantity.of("190.2", "BAR"), Quantity.of("183.75", "BAR"), SampleQuality.STALE);
    public static final MachineStateChange MACHINE_STATE_CHANGE = new MachineStateChange("PLANT-1", "plc-press-07", 184469L,
            "PRESS-07", MachineState.RUNNING, MachineState.FAULT, "F-210", "Hydraulic pressure low", T0);
    public static final MachineAlert MACHINE_ALERT = new MachineAlert("PLANT-1", "plc-press-07", 184470L, "PRESS-07",
            "HYD-PRESSURE-LOW", "Hydraulic pressure below limit", AlertSeverity.CRITICAL, "hydraulic.pressure",
            Quantity.of("95.0", "BAR"), T0);
    public static final MachineAlertCleared MACHINE_ALERT_CLEARED = new MachineAlertCleared("PLANT-1", "plc-press-07", 184471L,
            "PRESS-07", "HYD-PRESSURE-LOW", "hydraulic.pressure", T0.plusSeconds(600));

    public static final OrderAccepted ORDER_ACCEPTED = new OrderAccepted("SO-7f3a9c", "CRM-2025-000123", "CUST-1001",
            List.of(SALES_ORDER_LINE), Money.of("1175.00", "EUR"), LocalDate.of(2025, 4, 1), T0);
    public static final OrderConfirmed ORDER_CONFIRMED = new OrderConfirmed("SO-7f3a9c", "CRM-2025-000123", "4500012345", T0);
    public static final OrderRejected ORDER_REJECTED = new OrderRejected("SO-7f3a9c", "CRM-2025-000123", "CUSTOMER_BLOCKED",
            "Customer CUST-1001 is blocked for sales", T0);
    public static final OrderAtRisk ORDER_AT_RISK = new OrderAtRisk("SO-7f3a9c", "CRM-2025-000123", AtRiskCause.QUALITY_HOLD,
            "Lot LOT-2025-0314-01 on quality hold", "LOT-2025-0314-01", "PRESS-07", "PO-100200", "HOLD-0042",
            LocalDate.of(2025, 4, 4), T0);
    public static final OrderMilestoneReached ORDER_MILESTONE_REACHED = new OrderMilestoneReached("SO-7f3a9c",
            "CRM-2025-000123", OrderMilestone.PRODUCTION_COMPLETED, "480 of 500 EA produced", "PO-100200", T0);
    public static final OrderShipped ORDER_SHIPPED = new OrderShipped("SO-7f3a9c", "CRM-2025-000123", "SHP-8812",
            List.of(SHIPMENT_LINE), "DHL", "JJD000390007", T0);

    public static final ProductionOrderReleased PRODUCTION_ORDER_RELEASED = new ProductionOrderReleased(PRODUCTION_ORDER, T0);
    public static final DispatchAcknowledged DISPATCH_ACKNOWLEDGED = new DispatchAcknowledged("PO-100200", "MES-WO-7781",
            "LINE-2", T0.minusSeconds(5), T0);
    public static final ConfirmationPosted CONFIRMATION_POSTED = new ConfirmationPosted(PRODUCTION_CONFIRMATION,
            "ERP-CONF-5000123", T0.plusSeconds(2));

    public static final InventoryMovementPosted INVENTORY_MOVEMENT_POSTED = new InventoryMovementPosted(INVENTORY_MOVEMENT,
            "ERP-MAT-4900001234", T0.plusSeconds(3));
    public static final InventoryBalanceChanged INVENTORY_BALANCE_CHANGED = new InventoryBalanceChanged(INVENTORY_BALANCE,
            Quantity.of("0", "EA"), "MOV-MES-CNF-000981");
    public static final InventoryVarianceDetected INVENTORY_VARIANCE_DETECTED = new InventoryVarianceDetected("RECON-2025-03-14",
            "MAT-4711", "LOT-2025-0314-01", "PLANT-1", "FG-01", StockStatus.UNRESTRICTED, Quantity.of("480", "EA"),
            Quantity.of("470", "EA"), Quantity.of("-10", "EA"), T0);
    public static final StockStatusChanged STOCK_STATUS_CHANGED = new StockStatusChanged("MAT-4711", "LOT-2025-0314-01",
            "PLANT-1", null, StockStatus.UNRESTRICTED, StockStatus.QUALITY_HOLD, Quantity.of("480", "EA"), "HOLD-0042",
            "Quality hold HOLD-0042", T0);

    public static final QualityResultReceived QUALITY_RESULT_RECEIVED = new QualityResultReceived(QUALITY_RESULT, T0.plusSeconds(1));
    public static final QualityHoldPlaced QUALITY_HOLD_PLACED = new QualityHoldPlaced(QUALITY_HOLD);
    public static final QualityHoldReleased QUALITY_HOLD_RELEASED = new QualityHoldReleased("HOLD-0042", "PLANT-1",
            List.of("LOT-2025-0314-01"), "LIMS-55124", "Re-inspection passed", T0.plusSeconds(86400));
    public static final QualityCaseOpened QUALITY_CASE_OPENED = new QualityCaseOpened(QUALITY_CASE);

    public static final MaintenanceIncidentOpened MAINTENANCE_INCIDENT_OPENED = new MaintenanceIncidentOpened(MAINTENANCE_INCIDENT);
    public static final WorkRequestCreated WORK_REQUEST_CREATED = new WorkRequestCreated(WORK_REQUEST);
    public static final MaintenanceIncidentResolved MAINTENANCE_INCIDENT_RESOLVED = new MaintenanceIncidentResolved(
            new MaintenanceIncident("INC-0311", "PLANT-1", "PRESS-07", "HYD-PRESSURE-LOW", "Hydraulic pressure below limit",
                    AlertSeverity.CRITICAL, IncidentStatus.RESOLVED, 3, T0.minusSeconds(300), T0, "PO-100200", "PRESS-07", "WC-PRESS",
                    "CC-4100", List.of("PO-100200")), T0.plusSeconds(600));

    private static final Map<Class<?>, Object> BY_CLASS = index(QUANTITY, MONEY, ITEM, RESOURCE, LOT, CUSTOMER, PRICE,
            SALES_ORDER_LINE, SALES_ORDER, SHIPMENT_LINE, PRODUCTION_OPERATION, PRODUCTION_COMPONENT, PRODUCTION_ORDER, SHIFT,
            PRODUCTION_CONFIRMATION, INVENTORY_BALANCE, INVENTORY_MOVEMENT, QUALITY_MEASUREMENT, QUALITY_RESULT,
            QUALITY_HOLD, QUALITY_CASE, MAINTENANCE_INCIDENT, SPARE_PART_DEMAND, WORK_REQUEST, TELEMETRY_SAMPLE,
            TELEMETRY_AGGREGATE, MACHINE_STATE_CHANGE, MACHINE_ALERT, MACHINE_ALERT_CLEARED, ORDER_ACCEPTED, ORDER_CONFIRMED, ORDER_REJECTED,
            ORDER_AT_RISK, ORDER_MILESTONE_REACHED, ORDER_SHIPPED, PRODUCTION_ORDER_RELEASED, DISPATCH_ACKNOWLEDGED,
            CONFIRMATION_POSTED, INVENTORY_MOVEMENT_POSTED, INVENTORY_BALANCE_CHANGED, INVENTORY_VARIANCE_DETECTED,
            STOCK_STATUS_CHANGED, QUALITY_RESULT_RECEIVED, QUALITY_HOLD_PLACED, QUALITY_HOLD_RELEASED,
            QUALITY_CASE_OPENED, MAINTENANCE_INCIDENT_OPENED, WORK_REQUEST_CREATED, MAINTENANCE_INCIDENT_RESOLVED);

    private Samples() {
    }

    /** @throws IllegalStateException when a record has no sample yet: add one above */
    public static <T> T of(Class<T> type) {
        Object sample = BY_CLASS.get(type);
        if (sample == null) {
            throw new IllegalStateException("no sample for " + type.getName() + " in " + Samples.class.getName());
        }
        return type.cast(sample);
    }

    private static Map<Class<?>, Object> index(Object... samples) {
        Map<Class<?>, Object> byClass = new LinkedHashMap<>();
        for (Object sample : samples) {
            if (byClass.put(sample.getClass(), sample) != null) {
                throw new IllegalStateException("two samples for " + sample.getClass());
            }
        }
        return byClass;
    }
}
