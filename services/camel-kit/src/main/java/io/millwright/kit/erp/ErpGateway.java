package io.millwright.kit.erp;

import java.time.Duration;
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

import io.millwright.erp.contract.ErpFault;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.target.TargetSystems;

/**
 * Calls one ERP operation through the camel-cxf endpoint, under the ERP target's circuit breaker and bulkhead
 * ({@code millwright.kit.targets.erp}), and sorts failures into business rejections ({@link ErpBusinessException})
 * and technical trouble ({@link ErpUnavailableException}). Every call carries the correlation id and joins the
 * current trace.
 */
@ApplicationScoped
public class ErpGateway {

    /** The ERP's name among the target systems. */
    public static final String TARGET = "erp";

    @Inject
    ProducerTemplate producer;

    @Inject
    TargetSystems targets;

    public <T> T call(String operation, Object request, Class<T> responseType) {
        return call(operation, request, responseType, targets.settings(TARGET).timeout());
    }

    /** As {@link #call(String, Object, Class)} with a receive timeout of its own (e.g. a synchronous lookup). */
    public <T> T call(String operation, Object request, Class<T> responseType, Duration receiveTimeout) {
        return targets.call(TARGET, operation, () -> send(operation, request, responseType, receiveTimeout), responseType);
    }

    private <T> T send(String operation, Object request, Class<T> responseType, Duration receiveTimeout) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(CxfConstants.OPERATION_NAME, operation);
        // Per-call HTTP timeouts: the ERP call fails fast on its own instead of being interrupted from outside.
        headers.put(Client.REQUEST_CONTEXT, Map.of(Message.CONNECTION_TIMEOUT, targets.settings(TARGET).connectTimeout().toMillis(),
                Message.RECEIVE_TIMEOUT, receiveTimeout.toMillis()));
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
