package io.millwright.kit.testapp;

/** A transient failure (a peer that is down for a moment): the default route configuration redelivers it. */
public class SimulatedOutageException extends RuntimeException {

    public SimulatedOutageException(String message) {
        super(message);
    }
}
