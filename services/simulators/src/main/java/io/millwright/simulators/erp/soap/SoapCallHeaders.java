package io.millwright.simulators.erp.soap;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

import io.millwright.simulators.erp.service.ErpCall;

/** Builds the {@link ErpCall} for the SOAP request being processed on this thread, from its HTTP headers. */
final class SoapCallHeaders {

    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String TRACEPARENT = "traceparent";

    private SoapCallHeaders() {
    }

    static ErpCall current(String operation, String businessKey) {
        Instant receivedAt = Instant.now();
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Map<?, ?> headers = message == null ? null : (Map<?, ?>) message.get(Message.PROTOCOL_HEADERS);
        return new ErpCall(operation, businessKey, header(headers, CORRELATION_ID), header(headers, TRACEPARENT),
                receivedAt);
    }

    private static String header(Map<?, ?> headers, String name) {
        if (headers == null) {
            return null;
        }
        // CXF keeps protocol headers in a case-insensitive map, but be tolerant of a plain one.
        for (Map.Entry<?, ?> entry : headers.entrySet()) {
            if (entry.getKey() instanceof String key && key.equalsIgnoreCase(name)
                    && entry.getValue() instanceof List<?> values && !values.isEmpty()) {
                return String.valueOf(values.get(0));
            }
        }
        return null;
    }
}
