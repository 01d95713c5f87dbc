package io.millwright.inventory.service;

/** The work queues of inventory-service (settings under {@code millwright.kit.work-queues.<name>}). */
public final class InventoryQueues {

    /** I2: booked goods movements to post to ERP (key and payload: the movement id). */
    public static final String ERP_MOVEMENT = "inventory.erp-movement";

    /** I3: stock status changes to send to ERP (key: the request id; payload: the stock_status_sync row id). */
    public static final String ERP_STOCK_STATUS = "inventory.erp-stock-status";

    /** I3: stock status changes to send to the WMS (key: the request id; payload: the stock_status_sync row id). */
    public static final String WMS_STOCK_STATUS = "inventory.wms-stock-status";

    private InventoryQueues() {
    }

    /**
     * The ERP sees the postings of one item and lot in booking order: a receipt before the issue that consumes it, a
     * hold after the receipt of the lot it holds (the ERP only knows a lot once its receipt is posted), a hold before its
     * release. Movements and status changes share the key, so they wait for each other.
     */
    public static String erpOrderingKey(String itemId, String lotId) {
        return "erp:" + itemId + "/" + (lotId == null ? "" : lotId);
    }

    /** The WMS sees the status changes of one item and lot in order (a hold before its release). */
    public static String wmsOrderingKey(String itemId, String lotId) {
        return "wms:" + itemId + "/" + (lotId == null ? "" : lotId);
    }
}
