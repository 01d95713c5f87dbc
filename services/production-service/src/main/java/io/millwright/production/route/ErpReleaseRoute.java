package io.millwright.production.route;

import javax.xml.namespace.QName;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;

import io.millwright.erp.callback.contract.ProductionOrderReleasePortType;
import io.millwright.kit.correlation.CorrelationProcessor;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.route.NonRetryableException;
import io.millwright.production.service.ErpReleaseCallback;
import io.millwright.production.service.ReleaseReconciliation;

/**
 * P1: ERP releases production orders by calling ReleaseProductionOrder (erp-callback.wsdl), served by camel-cxf at
 * {@code {quarkus.cxf.path}/erp-callback} = {@code /soap/erp-callback}; a timer polls ListReleasedProductionOrders
 * for releases the callback missed. The SOAP route has no dead-letter channel on purpose: a technical failure must
 * reach ERP as a SOAP fault so that ERP retries. Releases we refuse are recorded through the rejection route.
 */
@ApplicationScoped
public class ErpReleaseRoute extends RouteBuilder {

    public static final String CALLBACK_ENDPOINT = "erpReleaseCallback";
    public static final String CALLBACK_PATH = "/erp-callback";
    public static final String REJECTED_URI = "direct:production-release-rejected";
    public static final String REASON_HEADER = "MillwrightRejectionReason";
    private static final String NS = "urn:millwright:erp:callback:v1";

    @Inject
    ErpReleaseCallback callback;

    @Inject
    ReleaseReconciliation reconciliation;

    @Inject
    CorrelationProcessor correlation;

    @Produces
    @Named(CALLBACK_ENDPOINT)
    @ApplicationScoped
    CxfEndpoint erpReleaseCallback() {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress(CALLBACK_PATH);
        endpoint.setServiceClass(ProductionOrderReleasePortType.class);
        endpoint.setWsdlURL("classpath:contracts/erp/erp-callback.wsdl");
        endpoint.setServiceNameAsQName(new QName(NS, "ProductionOrderReleaseService"));
        endpoint.setPortNameAsQName(new QName(NS, "ProductionOrderReleasePort"));
        endpoint.setDataFormat(DataFormat.POJO);
        return endpoint;
    }

    @Override
    public void configure() {
        from("cxf:bean:" + CALLBACK_ENDPOINT)
                .routeId("production.erp-release")
                .process(correlation)
                .bean(callback, "release");

        // A release we refused: nothing is stored, the operator finds it among the dead letters with the reason.
        from(REJECTED_URI)
                .routeId("production.release-rejected")
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .process(exchange -> {
                    throw new NonRetryableException(exchange.getMessage().getHeader(REASON_HEADER, String.class));
                });

        from("timer:production-release-reconciliation?delay=2000&period={{millwright.production.reconciliation.interval-ms}}")
                .routeId("production.release-reconciliation")
                .bean(reconciliation, "poll");
    }
}
