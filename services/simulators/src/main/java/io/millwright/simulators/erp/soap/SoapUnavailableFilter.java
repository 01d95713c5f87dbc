package io.millwright.simulators.erp.soap;

import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.millwright.simulators.erp.fault.FaultInjector;
import io.millwright.simulators.erp.service.CallOutcome;
import io.millwright.simulators.erp.service.ErpCall;
import io.millwright.simulators.erp.service.ErpCallLog;
import io.millwright.simulators.erp.service.ErpOperations;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Injected UNAVAILABLE fault: answers HTTP 503 to requests for the ERP endpoint before CXF sees them, like a
 * load balancer in front of a dead ERP. Runs on the event loop; only the call log write goes to a worker.
 */
@ApplicationScoped
public class SoapUnavailableFilter {

    static final String ENDPOINT_PATH = "/erp";

    @Inject
    FaultInjector faults;

    @Inject
    ErpCallLog callLog;

    @ConfigProperty(name = "quarkus.cxf.path")
    String soapPath;

    void register(@Observes Filters filters) {
        filters.register(this::filter, 100);
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        String endpoint = soapPath + ENDPOINT_PATH;
        if (!path.equals(endpoint) && !path.startsWith(endpoint + "/")) {
            context.next();
            return;
        }
        String soapAction = request.getHeader("SOAPAction");
        String operation = ErpOperations.fromSoapAction(soapAction);
        if (!faults.unavailableFor(operation)) {
            context.next();
            return;
        }
        if (request.method() != HttpMethod.POST) {
            reject(context);
            return;
        }
        ErpCall call = new ErpCall(operation != null ? operation : unknownOperation(soapAction), null,
                request.getHeader(SoapCallHeaders.CORRELATION_ID), request.getHeader(SoapCallHeaders.TRACEPARENT),
                Instant.now());
        context.vertx().executeBlocking(() -> {
            callLog.record(call, CallOutcome.UNAVAILABLE);
            return null;
        }, false).onComplete(recorded -> reject(context));
    }

    private static String unknownOperation(String soapAction) {
        return soapAction == null || soapAction.isBlank() ? null : soapAction.replace("\"", "").trim();
    }

    private static void reject(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        context.response()
                .setStatusCode(503)
                .putHeader("Content-Type", "text/plain; charset=UTF-8")
                .putHeader("Retry-After", "5")
                .end("ERP unavailable (injected fault)");
    }
}
