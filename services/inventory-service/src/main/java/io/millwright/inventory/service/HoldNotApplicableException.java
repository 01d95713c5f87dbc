package io.millwright.inventory.service;

/** A hold or release that cannot be applied as asked; {@link Reason} decides how REST and messages answer. */
public class HoldNotApplicableException extends RuntimeException {

    public enum Reason {
        /** No stock of the lot is known to inventory (404; a message is retried, the receipt may be on its way). */
        LOT_UNKNOWN,
        /** No such hold (404). */
        HOLD_UNKNOWN,
        /** The same hold id was used for other lots (409). */
        CONFLICT,
        /** The request contradicts the stock, e.g. a location the lot is not only at (422). */
        INVALID
    }

    private final Reason reason;
    private final String field;

    public HoldNotApplicableException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
