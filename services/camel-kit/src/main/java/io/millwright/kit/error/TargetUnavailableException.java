package io.millwright.kit.error;

/**
 * An external system could not be reached or answered with a technical failure (5xx, 408, 429, timeout, technical
 * fault, open circuit breaker): worth trying again later.
 */
public class TargetUnavailableException extends RuntimeException {

    private final String target;

    public TargetUnavailableException(String target, String message, Throwable cause) {
        super(message, cause);
        this.target = target;
    }

    public String target() {
        return target;
    }
}
