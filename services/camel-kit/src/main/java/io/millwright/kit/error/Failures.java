package io.millwright.kit.error;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The one classification of failures every kit mechanism (route error policy, work queues) applies. */
public final class Failures {

    /** Failures that a retry cannot cure: they go to the dead-letter store after one attempt. */
    public static final java.util.List<Class<? extends Throwable>> NON_RETRYABLE = java.util.List.of(
            NonRetryableException.class, JsonProcessingException.class, IllegalArgumentException.class);

    private Failures() {
    }

    /** False when the failure, or one of its causes, is of a {@link #NON_RETRYABLE} type. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : NON_RETRYABLE) {
                if (type.isInstance(t)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The reason an operator reads: {@code ExceptionType: message}. */
    public static String reason(Throwable cause) {
        if (cause == null) {
            return "Unknown failure (no exception recorded)";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + ": " + (message == null ? "(no message)" : message);
    }
}
