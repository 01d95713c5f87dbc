package io.millwright.kit.correlation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jboss.logging.MDC;

/**
 * Correlation id conventions. One id follows a business transaction across HTTP ({@value #HTTP_HEADER}),
 * Kafka (CloudEvents extension {@value #CE_EXTENSION}, header {@value #KAFKA_HEADER}), SOAP (the same HTTP
 * header on the ERP call) and logs (MDC key {@value #MDC_KEY}).
 */
public final class Correlation {

    public static final String HTTP_HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String CE_EXTENSION = "correlationid";
    public static final String KAFKA_HEADER = "ce_correlationid";
    /** Exchange property holding the id, kept when error handling restores the original message. */
    public static final String EXCHANGE_PROPERTY = "millwright.correlationId";

    private Correlation() {
    }

    /** The correlation id bound to the current thread, or null. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    public static void bind(String correlationId) {
        if (correlationId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, correlationId);
        }
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Header values may arrive as String (HTTP, Camel) or byte[] (Kafka). */
    public static String asText(Object headerValue) {
        if (headerValue == null) {
            return null;
        }
        String text = headerValue instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : headerValue.toString();
        return text.isBlank() ? null : text.trim();
    }
}
