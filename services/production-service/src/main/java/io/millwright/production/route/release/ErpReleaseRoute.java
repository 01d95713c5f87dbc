package io.millwright.production.route.release;

import javax.xml.namespace.QName;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;

import io.millwright.erp.callback.contract.ProductionOrderReleasePortType;
import io.millwright.kit.config.KitConfig;
import io.millwright.kit.correlation.CorrelationProcessor;
import io.millwright.kit.erp.CallbackAuthentication;
import io.millwright.kit.erp.UnreadableRequestFault;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.production.config.ProductionConfig;
import io.millwright.production.service.ErpReleaseCallback;
import io.millwright.production.service.ReleaseIntake;
import io.millwright.production.service.ReleaseReconciliation;

/**
 * P1: ERP releases production orders by calling ReleaseProductionOrder (erp-callback.wsdl), served by camel-cxf at
 * {@code {quarkus.cxf.path}/erp-callback} = {@code /soap/erp-callback}; a timer polls ListReleasedProductionOrders
 * for releases the callback missed. The SOAP route has no dead-letter channel on purpose: a technical failure must
 * reach ERP as a SOAP fault so that ERP retries. A release we refuse is recorded by the intake as a dead letter whose
 * replay takes it through the intake again ({@value ReleaseIntake#REPLAY_URI}).
 */
@ApplicationScoped
public class ErpReleaseRoute extends RouteBuilder {

    public static final String CALLBACK_ENDPOINT = "erpReleaseCallback";
    public static final String CALLBACK_PATH = "/erp-callback";
    private static final String NS = "urn:millwright:erp:callback:v1";

    @Inject
    ErpReleaseCallback callback;

    @Inject
    ReleaseIntake intake;

    @Inject
    ProductionConfig config;

    @Inject
    KitConfig kit;

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
        endpoint.getOutFaultInterceptors().add(new UnreadableRequestFault());
        // the ERP authenticates with HTTP Basic (over TLS); anything else is a SOAP fault with HTTP 401
        endpoint.getInInterceptors().add(new CallbackAuthentication(kit.erpCallback()));
        return endpoint;
    }

    @Override
    public void configure() {
        from("cxf:bean:" + CALLBACK_ENDPOINT)
                .routeId("production.erp-release")
                .process(correlation)
                .bean(callback, "release");

        // An operator replays a refused release (its master data was fixed, say): the intake takes it again.
        from(ReleaseIntake.REPLAY_URI)
                .routeId("production.release-replay")
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(intake, "replay");

        from("timer:production-release-reconciliation?delay=2000&period=" + config.reconciliation().interval().toMillis())
                .routeId("production.release-reconciliation")
                .bean(reconciliation, "poll");
    }
}
