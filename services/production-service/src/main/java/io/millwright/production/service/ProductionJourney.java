package io.millwright.production.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.millwright.kit.journey.JourneyContributor;
import io.millwright.kit.journey.JourneyLookups;
import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyKey.Kind;
import io.millwright.model.journey.JourneyStep;
import io.millwright.model.journey.JourneyStep.Outcome;
import io.millwright.production.persistence.ProductionOrderEntity;
import io.millwright.production.persistence.TimelineEntryEntity;

/**
 * production-service's part of a journey: the timeline of every production order the key leads to - by its number,
 * its ERP sales order, a lot it produced or consumed, or a trace one of its steps ran under - linked to its sales
 * order and lots.
 */
@ApplicationScoped
public class ProductionJourney implements JourneyContributor {

    static final String SERVICE = "production-service";

    private static final Map<Kind, String> QUERIES = Map.of(
            Kind.PRODUCTION_ORDER, "SELECT id FROM production_order WHERE id = ?1",
            Kind.SALES_ORDER, "SELECT id FROM production_order WHERE sales_order_id = ?1",
            Kind.LOT, "SELECT id FROM production_order WHERE output_lot = ?1"
                    + " UNION SELECT production_order_id FROM mes_confirmation WHERE lot_id = ?1"
                    + " UNION SELECT order_id FROM production_component WHERE lot_id = ?1",
            Kind.TRACE, "SELECT DISTINCT order_id FROM production_timeline WHERE trace_id = ?1");

    @Inject
    EntityManager em;

    @Override
    public List<JourneyStep> steps(JourneyKey key) {
        List<JourneyStep> steps = new ArrayList<>();
        for (String id : productionOrders(key)) {
            ProductionOrderEntity order = ProductionOrderEntity.findById(id);
            if (order != null) {
                steps.addAll(steps(order));
            }
        }
        return steps;
    }

    private Set<String> productionOrders(JourneyKey key) {
        return JourneyLookups.ids(em, key, QUERIES);
    }

    private List<JourneyStep> steps(ProductionOrderEntity order) {
        JourneyKey subject = JourneyKey.of(Kind.PRODUCTION_ORDER, order.id);
        List<JourneyKey> released = new ArrayList<>();
        if (order.salesOrderId != null) {
            released.add(JourneyKey.of(Kind.SALES_ORDER, order.salesOrderId));
        }
        released.add(JourneyKey.of(Kind.LOT, order.outputLot));
        List<JourneyKey> confirmed = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> lots = em.createNativeQuery("SELECT DISTINCT lot_id FROM mes_confirmation WHERE production_order_id = ?1 AND lot_id IS NOT NULL"
                + " UNION SELECT DISTINCT lot_id FROM production_component WHERE order_id = ?1 AND lot_id IS NOT NULL")
                .setParameter(1, order.id).getResultList();
        lots.forEach(lot -> confirmed.add(JourneyKey.of(Kind.LOT, lot)));
        List<JourneyStep> steps = new ArrayList<>();
        for (TimelineEntryEntity entry : TimelineEntryEntity.forOrder(order.id)) {
            List<JourneyKey> links = switch (entry.step) {
                case ProductionTimeline.RELEASED -> released;
                case ProductionTimeline.CONFIRMATION_POSTED -> confirmed;
                default -> List.of();
            };
            steps.add(new JourneyStep(SERVICE, system(entry.step), entry.step, entry.detail, entry.at, outcome(entry.step),
                    entry.correlationId, entry.traceId, subject, links));
        }
        return steps;
    }

    static String system(String step) {
        return switch (step) {
            case ProductionTimeline.RELEASED, ProductionTimeline.RELEASE_RESENT, ProductionTimeline.CONFIRMATION_POSTED,
                    ProductionTimeline.CONFIRMATION_POSTING_FAILED, ProductionTimeline.CONFIRMATION_REJECTED_BY_ERP -> "ERP";
            case ProductionTimeline.DISPATCHED, ProductionTimeline.DISPATCH_FAILED, ProductionTimeline.DISPATCH_REJECTED,
                    ProductionTimeline.ACKNOWLEDGED, ProductionTimeline.CONFIRMATION_RECEIVED, ProductionTimeline.CONFIRMATION_INVALID -> "MES";
            default -> "Millwright";
        };
    }

    static Outcome outcome(String step) {
        return switch (step) {
            case ProductionTimeline.DISPATCH_FAILED, ProductionTimeline.DISPATCH_REJECTED, ProductionTimeline.CONFIRMATION_INVALID,
                    ProductionTimeline.CONFIRMATION_POSTING_FAILED, ProductionTimeline.CONFIRMATION_REJECTED_BY_ERP -> Outcome.FAILED;
            case ProductionTimeline.CONFIRMATION_RECEIVED, ProductionTimeline.DISPATCHED -> Outcome.WAITING;
            default -> Outcome.DONE;
        };
    }
}
