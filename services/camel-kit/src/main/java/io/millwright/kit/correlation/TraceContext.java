package io.millwright.kit.correlation;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/** W3C trace context of the current OpenTelemetry span, for places that store it (outbox, timelines). */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";

    private TraceContext() {
    }

    /** {@code traceparent} of the current span, or null when no span is active. */
    public static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The trace id inside a traceparent value, or null. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 ? parts[1] : null;
    }
}
