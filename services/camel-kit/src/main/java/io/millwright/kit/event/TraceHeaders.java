package io.millwright.kit.event;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.component.kafka.serde.KafkaHeaderDeserializer;

import io.millwright.kit.correlation.TraceContext;

/**
 * Kafka header values arrive as bytes; Camel's tracer reads the W3C trace context of a consumed record from the
 * exchange's headers as text. This deserializer hands over {@code traceparent} and {@code tracestate} as text (every
 * other header stays bytes, as the CloudEvents reader expects), so a consumer's span, and everything it does (the
 * outbox, work queues, calls to other systems), continues the producer's trace (SPEC X1).
 */
@ApplicationScoped
@Named(TraceHeaders.BEAN)
public class TraceHeaders implements KafkaHeaderDeserializer {

    public static final String BEAN = "millwrightTraceHeaders";

    @Override
    public Object deserialize(String key, byte[] value) {
        if (value != null && (TraceContext.TRACEPARENT.equals(key) || "tracestate".equals(key))) {
            return new String(value, StandardCharsets.UTF_8);
        }
        return value;
    }
}
