package io.millwright.production.service;

import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.millwright.erp.callback.contract.ReleaseProductionOrderRequest;
import io.millwright.erp.callback.contract.ReleaseProductionOrderResponse;
import io.millwright.production.config.ProductionConfig;
import io.millwright.production.mapping.ErpReleaseMapper;
import io.millwright.production.persistence.ProductionOrderEntity.ReleaseSource;

/** The SOAP operation ReleaseProductionOrder (erp-callback.wsdl): accepted, duplicate, or rejected with a message. */
@ApplicationScoped
public class ErpReleaseCallback {

    @Inject
    ReleaseIntake intake;

    @Inject
    ProductionConfig config;

    /** @param body the camel-cxf POJO body: the request, possibly wrapped in the operation's parameter list */
    public ReleaseProductionOrderResponse release(Object body) {
        Object request = body instanceof List<?> list && !list.isEmpty() ? list.get(0) : body;
        if (!(request instanceof ReleaseProductionOrderRequest release)) {
            throw new IllegalArgumentException("Expected a ReleaseProductionOrderRequest, got "
                    + (request == null ? "nothing" : request.getClass().getName()));
        }
        ReleaseIntake.Result result = intake.accept(ErpReleaseMapper.fromCallback(release, ZoneId.of(config.plantZone())),
                ReleaseSource.CALLBACK);
        ReleaseProductionOrderResponse response = new ReleaseProductionOrderResponse();
        response.setAccepted(result.outcome() != ReleaseIntake.Outcome.REJECTED);
        response.setDuplicate(result.outcome() == ReleaseIntake.Outcome.DUPLICATE);
        response.setMessage(result.message());
        return response;
    }
}
