package io.millwright.inventory.rest;

/** Answer to a WMS receipt: the movement it was booked as, and whether it had been received before. */
public record ReceiptAccepted(String receiptId, String movementId, boolean duplicate) {
}
