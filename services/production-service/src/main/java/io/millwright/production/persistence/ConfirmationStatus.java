package io.millwright.production.persistence;

/** Where one MES confirmation stands. RECEIVED and VALIDATED are open: they block later confirmations of the order. */
public enum ConfirmationStatus {
    RECEIVED,
    /** Checked against the order and enriched; the ERP posting is outstanding (ERP down: retried with backoff). */
    VALIDATED,
    POSTED,
    /** Wrong for the order (reason in invalid_reason and the dead-letter store); nothing posted. */
    INVALID,
    /** ERP refused the posting with a business fault; nothing posted. */
    REJECTED_BY_ERP;

    public boolean open() {
        return this == RECEIVED || this == VALIDATED;
    }
}
