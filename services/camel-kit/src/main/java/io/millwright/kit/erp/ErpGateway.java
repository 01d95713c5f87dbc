package io.millwright.kit.erp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.message.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.millwright.erp.contract.ErpFault;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;

/**
 * Calls one ERP operation through the camel-cxf endpoint and sorts failures into business rejections
 * ({@link ErpBusinessException}) and technical trouble ({@link ErpUnavailableException}). Fault-tolerance policy
 * (timeouts, retries, circuit breakers) belongs to the calling service, per flow.
 */
@ApplicationScoped
public class ErpGateway {

    @Inject
    ProducerTemplate producer;

    @ConfigProperty(name = "millwright.erp.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMs;

    @ConfigProperty(name = "millwright.erp.receive-timeout-ms", defaultValue = "5000")
    long receiveTimeoutMs;

    public <T> T call(String operation, Object request, Class<T> responseType) {
        return call(operation, request, responseType, receiveTimeoutMs);
    }

    /** As {@link #call(String, Object, Class)} with a receive timeout of its own (e.g. a synchronous lookup). */
    public <T> T call(String operation, Object request, Class<T> responseType, long receiveTimeoutMs) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(CxfConstants.OPERATION_NAME, operation);
        // Per-call HTTP timeouts: the ERP call fails fast on its own instead of being interrupted from outside.
        headers.put(Client.REQUEST_CONTEXT, Map.of(Message.CONNECTION_TIMEOUT, connectTimeoutMs, Message.RECEIVE_TIMEOUT, receiveTimeoutMs));
        // Camel's tracing takes a traceparent header on a new exchange as the parent of the SOAP client span,
        // so the ERP call joins the current trace instead of starting its own.
        String traceparent = TraceContext.currentTraceparent();
        if (traceparent != null) {
            headers.put(TraceContext.TRACEPARENT, traceparent);
        }
        String correlationId = Correlation.current();
        if (correlationId != null) {
            headers.put(Correlation.HTTP_HEADER, correlationId);
        }
        Exchange result = producer.send(ErpEndpointProducer.ENDPOINT_URI, exchange -> {
            exchange.getMessage().setHeaders(headers);
            exchange.getMessage().setBody(request);
        });
        Exception failure = result.getException();
        if (failure != null) {
            throw translate(operation, failure);
        }
        Object body = result.getMessage().getBody();
        if (body instanceof List<?> list && !list.isEmpty()) {
            body = list.get(0);
        }
        return responseType.cast(body);
    }

    static RuntimeException translate(String operation, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ErpFault fault && fault.getFaultInfo() != null) {
                String code = fault.getFaultInfo().getCode();
                if (code != null && code.startsWith("BUS-")) {
                    return new ErpBusinessException(code, fault.getFaultInfo().getMessage());
                }
                return new ErpUnavailableException("ERP " + operation + " failed: " + code + " " + fault.getFaultInfo().getMessage(), fault);
            }
        }
        return new ErpUnavailableException("ERP " + operation + " failed: " + failure.getClass().getSimpleName() + ": "
                + failure.getMessage(), failure);
    }
}
