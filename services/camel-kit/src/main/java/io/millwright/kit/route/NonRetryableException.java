package io.millwright.kit.route;

/**
 * A failure that redelivery cannot cure (malformed or invalid message, business rejection).
 * The default route configuration sends it to the dead-letter store at once, with its message as the reason.
 */
public class NonRetryableException extends RuntimeException {

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
