package io.millwright.edge.forward;

/** A journal entry that no retry can forward (unreadable, unknown type, schema violation): dead-lettered with the reason. */
public class UnforwardableEntryException extends RuntimeException {

    public UnforwardableEntryException(String message) {
        super(message);
    }
}
