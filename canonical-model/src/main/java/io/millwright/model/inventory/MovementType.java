package io.millwright.model.inventory;

public enum MovementType {
    /** Output lot received from production. */
    PRODUCTION_RECEIPT,
    /** Component issued to a production order. */
    PRODUCTION_ISSUE,
    /** Receipt booked by the WMS (e.g. purchase delivery). */
    WAREHOUSE_RECEIPT,
    TRANSFER,
    SHIPMENT,
    SCRAP,
    ADJUSTMENT
}
