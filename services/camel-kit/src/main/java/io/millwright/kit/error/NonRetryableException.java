package io.millwright.kit.error;

/**
 * A failure that trying again cannot cure (malformed or invalid message, business rejection). Routes on the default
 * route configuration send it to the dead-letter store at once; a work queue dead-letters the item instead of
 * scheduling another attempt. Its message is the reason an operator reads.
 */
public class NonRetryableException extends RuntimeException {

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
