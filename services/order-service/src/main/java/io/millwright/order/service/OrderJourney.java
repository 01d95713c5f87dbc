package io.millwright.order.service;

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
import io.millwright.order.persistence.ProductionLinkEntity;
import io.millwright.order.persistence.SalesOrderEntity;
import io.millwright.order.persistence.TimelineEntryEntity;

/**
 * order-service's part of a journey: the timeline of every order the key leads to - found by its CRM id, its own id,
 * its ERP sales order, one of its production orders or their lots, an incident or a hold that put it at risk, or a
 * trace one of its steps ran under - linked to those objects.
 */
@ApplicationScoped
public class OrderJourney implements JourneyContributor {

    static final String SERVICE = "order-service";

    private static final Map<Kind, String> QUERIES = Map.of(
            Kind.CRM_ORDER, "SELECT id FROM sales_order WHERE crm_order_id = ?1",
            Kind.ORDER, "SELECT id FROM sales_order WHERE id = ?1",
            Kind.SALES_ORDER, "SELECT id FROM sales_order WHERE erp_sales_order_number = ?1",
            Kind.PRODUCTION_ORDER, "SELECT order_id FROM production_link WHERE production_order_id = ?1",
            Kind.LOT, "SELECT order_id FROM production_link WHERE lot_id = ?1",
            Kind.INCIDENT, "SELECT order_id FROM order_risk WHERE reference = ?1",
            Kind.TRACE, "SELECT DISTINCT order_id FROM order_timeline WHERE trace_id = ?1");

    @Inject
    EntityManager em;

    @Override
    public List<JourneyStep> steps(JourneyKey key) {
        List<JourneyStep> steps = new ArrayList<>();
        for (String orderId : orders(key)) {
            SalesOrderEntity order = SalesOrderEntity.findById(orderId);
            if (order != null) {
                steps.addAll(steps(order));
            }
        }
        return steps;
    }

    private Set<String> orders(JourneyKey key) {
        return JourneyLookups.ids(em, key, QUERIES);
    }

    private List<JourneyStep> steps(SalesOrderEntity order) {
        JourneyKey subject = JourneyKey.of(Kind.ORDER, order.id);
        List<JourneyKey> production = new ArrayList<>();
        for (ProductionLinkEntity link : ProductionLinkEntity.forOrder(order.id)) {
            production.add(JourneyKey.of(Kind.PRODUCTION_ORDER, link.productionOrderId));
            if (link.lotId != null) {
                production.add(JourneyKey.of(Kind.LOT, link.lotId));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> incidents = em.createNativeQuery("SELECT reference FROM order_risk WHERE order_id = ?1 AND cause = 'MACHINE_DOWNTIME' ORDER BY raised_at")
                .setParameter(1, order.id).getResultList();
        List<JourneyStep> steps = new ArrayList<>();
        for (TimelineEntryEntity entry : TimelineEntryEntity.forOrder(order.id)) {
            steps.add(new JourneyStep(SERVICE, OrderSteps.system(entry.step), entry.step, entry.detail, entry.at, OrderSteps.outcome(entry.step),
                    entry.correlationId, entry.traceId, subject, links(entry.step, order, production, incidents)));
        }
        return steps;
    }

    private static List<JourneyKey> links(String step, SalesOrderEntity order, List<JourneyKey> production, List<String> incidents) {
        List<JourneyKey> links = new ArrayList<>();
        switch (step) {
            case "ACCEPTED" -> links.add(JourneyKey.of(Kind.CRM_ORDER, order.crmOrderId));
            case "CONFIRMED_BY_ERP" -> {
                if (order.erpSalesOrderNumber != null) {
                    links.add(JourneyKey.of(Kind.SALES_ORDER, order.erpSalesOrderNumber));
                }
            }
            case "PRODUCTION_RELEASED", "PRODUCTION_STARTED", "PRODUCTION_COMPLETED", "QUALITY_RELEASED", "READY_TO_SHIP" -> links.addAll(production);
            case "AT_RISK", "RISK_CLEARED" -> incidents.forEach(incident -> links.add(JourneyKey.of(Kind.INCIDENT, incident)));
            default -> {
            }
        }
        return links;
    }
}
