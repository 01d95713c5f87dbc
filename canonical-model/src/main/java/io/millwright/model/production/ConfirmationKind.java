package io.millwright.model.production;

public enum ConfirmationKind {
    /** Good output of the order's item; quantity in the item's unit. */
    COMPLETION,
    /** Rejected output; carries a reason code. */
    SCRAP,
    /** Component issued to the order; {@code itemId} is the component. */
    CONSUMPTION,
    /** Time worked on an operation; quantity is a duration (e.g. {@code MIN}). */
    LABOUR
}
