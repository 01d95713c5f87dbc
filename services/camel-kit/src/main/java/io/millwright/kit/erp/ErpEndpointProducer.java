package io.millwright.kit.erp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import io.millwright.erp.contract.ErpPortType;
import io.millwright.kit.config.KitConfig;
import io.millwright.kit.target.TargetSystems;

/**
 * The camel-cxf client endpoint for the ERP contract ({@code docs/contracts/erp/erp.wsdl}), available to routes
 * as {@code cxf:bean:erp}, at the address and with the timeouts of {@code millwright.kit.targets.erp}. Classes are
 * generated from the WSDL at build time.
 */
@ApplicationScoped
public class ErpEndpointProducer {

    public static final String ENDPOINT_URI = "cxf:bean:erp";

    @Produces
    @Named("erp")
    @ApplicationScoped
    CxfEndpoint erp(TargetSystems targets) {
        KitConfig.Target settings = targets.settings(ErpGateway.TARGET);
        long connectTimeoutMs = settings.connectTimeout().toMillis();
        long receiveTimeoutMs = settings.timeout().toMillis();
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress(targets.url(ErpGateway.TARGET));
        endpoint.setServiceClass(ErpPortType.class);
        endpoint.setWsdlURL("classpath:contracts/erp/erp.wsdl");
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setCxfConfigurer(new CxfConfigurer() {
            @Override
            public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
            }

            @Override
            public void configureClient(Client client) {
                HTTPClientPolicy policy = new HTTPClientPolicy();
                policy.setConnectionTimeout(connectTimeoutMs);
                policy.setReceiveTimeout(receiveTimeoutMs);
                HTTPConduit conduit = (HTTPConduit) client.getConduit();
                conduit.setClient(policy);
                // the ERP's SOAP user (HTTP Basic), when it wants one
                settings.username().filter(user -> !user.isBlank()).ifPresent(user -> {
                    AuthorizationPolicy authorization = new AuthorizationPolicy();
                    authorization.setAuthorizationType("Basic");
                    authorization.setUserName(user);
                    authorization.setPassword(settings.password().orElse(""));
                    conduit.setAuthorization(authorization);
                });
            }

            @Override
            public void configureServer(Server server) {
            }
        });
        return endpoint;
    }
}
