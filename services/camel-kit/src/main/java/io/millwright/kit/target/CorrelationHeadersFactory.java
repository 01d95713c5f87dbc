package io.millwright.kit.target;

import java.util.function.Supplier;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;

/**
 * The one headers factory of every outbound REST client ({@link TargetSystems#restClient}): the correlation id bound
 * to the calling thread ({@value Correlation#HTTP_HEADER}) and the current W3C {@code traceparent}, so the other
 * system's logs and traces join the business transaction; for a target that wants it, this service's own bearer
 * token ({@link io.millwright.kit.security.ServiceTokens}). Headers the call sets itself are kept.
 */
public class CorrelationHeadersFactory implements ClientHeadersFactory {

    private final Supplier<String> authorization;

    /** Correlation and trace headers only. */
    public CorrelationHeadersFactory() {
        this(null);
    }

    /** @param authorization the {@code Authorization} header value per call, or null for none */
    public CorrelationHeadersFactory(Supplier<String> authorization) {
        this.authorization = authorization;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String correlationId = Correlation.current();
        if (correlationId != null && !clientOutgoingHeaders.containsKey(Correlation.HTTP_HEADER)) {
            headers.putSingle(Correlation.HTTP_HEADER, correlationId);
        }
        String traceparent = TraceContext.currentTraceparent();
        if (traceparent != null && !clientOutgoingHeaders.containsKey(TraceContext.TRACEPARENT)) {
            headers.putSingle(TraceContext.TRACEPARENT, traceparent);
        }
        if (authorization != null && !clientOutgoingHeaders.containsKey(HttpHeaders.AUTHORIZATION)) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, authorization.get());
        }
        return headers;
    }
}
