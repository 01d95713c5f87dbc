package io.millwright.simulators.erp.callback;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import io.millwright.erp.callback.contract.ProductionOrderReleasePortType;
import io.millwright.erp.callback.contract.ProductionOrderReleaseService;
import io.millwright.erp.callback.contract.ReleaseProductionOrderRequest;
import io.millwright.erp.callback.contract.ReleaseProductionOrderResponse;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;

/**
 * The ERP's outbound SOAP call {@code ReleaseProductionOrder} (erp-callback.wsdl), to an address known only at run
 * time: a JAX-WS port of the generated contract per call, so calls on different threads never share a request
 * context. Throws whatever CXF throws when there is no answer (the caller records it as FAILED).
 */
@ApplicationScoped
public class ReleaseCallbackClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);

    private final ProductionOrderReleaseService service = new ProductionOrderReleaseService();

    public ReleaseProductionOrderResponse release(String address, ReleaseProductionOrderRequest request,
            String correlationId) {
        ProductionOrderReleasePortType port = service.getProductionOrderReleasePort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        context.put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("X-Correlation-Id", List.of(correlationId)));
        // the ERP's own credentials for its outbound calls (HTTP Basic), when configured
        Config config = ConfigProvider.getConfig();
        config.getOptionalValue("millwright.sim.erp.callback-username", String.class).filter(u -> !u.isBlank()).ifPresent(user -> {
            context.put(BindingProvider.USERNAME_PROPERTY, user);
            context.put(BindingProvider.PASSWORD_PROPERTY, config.getOptionalValue("millwright.sim.erp.callback-password", String.class)
                    .orElse(""));
        });
        Client client = ClientProxy.getClient(port);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        policy.setReceiveTimeout(RECEIVE_TIMEOUT.toMillis());
        ((HTTPConduit) client.getConduit()).setClient(policy);
        return port.releaseProductionOrder(request);
    }
}
