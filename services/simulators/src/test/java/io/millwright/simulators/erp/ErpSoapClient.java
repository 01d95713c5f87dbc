package io.millwright.simulators.erp;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.millwright.erp.contract.ErpPortType;
import io.millwright.erp.contract.ErpService;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;

/** A plain JAX-WS client of the generated contract, talking real SOAP over HTTP to the app under test. */
final class ErpSoapClient {

    private static final ErpService SERVICE = new ErpService();

    private ErpSoapClient() {
    }

    static ErpPortType port(URL endpoint) {
        return port(endpoint, Map.of());
    }

    /** A port of its own (request contexts are not shared between threads) sending the given HTTP headers. */
    static ErpPortType port(URL endpoint, Map<String, String> headers) {
        ErpPortType port = SERVICE.getErpPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpoint.toString());
        if (!headers.isEmpty()) {
            context.put(MessageContext.HTTP_REQUEST_HEADERS, headers.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))));
        }
        return port;
    }
}
