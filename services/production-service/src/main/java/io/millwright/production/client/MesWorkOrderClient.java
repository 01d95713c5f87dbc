package io.millwright.production.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.target.HttpAnswers;
import io.millwright.kit.target.TargetSystems;
import io.millwright.production.mapping.MesWorkOrder;

/**
 * POSTs a work order to the MES ({@code millwright.kit.targets.mes}). Resending is safe: the MES answers a known
 * production order with the existing work order (200 instead of 201). A 4xx other than 408/429 is a refusal the
 * payload will not recover from; 5xx, timeouts and connection failures are worth trying again.
 */
@ApplicationScoped
public class MesWorkOrderClient {

    public static final String TARGET = "mes";

    /** The MES took the work order; {@code alreadyKnown} when an earlier attempt had reached it. */
    public record Accepted(String mesWorkOrderId, boolean alreadyKnown) {
    }

    @Inject
    TargetSystems targets;

    public Accepted dispatch(MesWorkOrder workOrder) {
        MesWorkOrderApi mes = targets.restClient(MesWorkOrderApi.class, TARGET);
        String what = "work order " + workOrder.productionOrderId();
        return targets.call(TARGET, what, () -> HttpAnswers.exchange(TARGET, what, () -> mes.dispatch(workOrder), answer -> {
            JsonNode body = answer.readEntity(JsonNode.class);
            String id = body == null ? null : body.path("mesWorkOrderId").asText(null);
            if (id == null || id.isBlank()) {
                throw new TargetUnavailableException(TARGET, "MES answered " + answer.getStatus() + " to " + what + " without a mesWorkOrderId", null);
            }
            return new Accepted(id, answer.getStatus() == 200);
        }), Accepted.class);
    }
}
