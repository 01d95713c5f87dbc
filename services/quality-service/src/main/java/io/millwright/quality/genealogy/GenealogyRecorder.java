package io.millwright.quality.genealogy;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.millwright.kit.event.InboundEventReader;
import io.millwright.model.event.EventType;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.model.production.ProductionOrder;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.quality.result.QualityResults;

/**
 * Records what production-service reports into the genealogy tables: released orders (item, sales order), where and
 * when each order was worked, the lots it consumed and the lots it produced. Each write is keyed so that the same
 * event again changes nothing, and events may arrive in any order.
 */
@ApplicationScoped
public class GenealogyRecorder {

    private static final Logger LOG = Logger.getLogger(GenealogyRecorder.class);

    @Inject
    EntityManager em;

    @Inject
    QualityResults results;

    @Transactional
    public void onProductionEvent(CloudEvent event) {
        EventType type = EventType.fromType(event.getType());
        if (type == EventType.PRODUCTION_ORDER_RELEASED) {
            released(InboundEventReader.data(event, ProductionOrderReleased.class));
        } else if (type == EventType.PRODUCTION_CONFIRMATION_POSTED) {
            confirmed(InboundEventReader.data(event, ConfirmationPosted.class).confirmation());
        }
    }

    void released(ProductionOrderReleased released) {
        ProductionOrder order = released.productionOrder();
        em.createNativeQuery("""
                INSERT INTO production_run (production_order_id, plant_id, item_id, sales_order_id, released_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (production_order_id) DO UPDATE SET plant_id = excluded.plant_id, item_id = excluded.item_id,
                    sales_order_id = excluded.sales_order_id, released_at = excluded.released_at""")
                .setParameter(1, order.productionOrderId()).setParameter(2, order.plantId()).setParameter(3, order.itemId())
                .setParameter(4, order.salesOrderId()).setParameter(5, released.releasedAt())
                .executeUpdate();
    }

    void confirmed(ProductionConfirmation c) {
        Instant at = c.occurredAt();
        em.createNativeQuery("""
                INSERT INTO production_activity (production_order_id, resource_id, operation_number, first_at, last_at)
                VALUES (?1, ?2, ?3, ?4, ?4)
                ON CONFLICT (production_order_id, resource_id, operation_number) DO UPDATE
                    SET first_at = least(production_activity.first_at, excluded.first_at),
                        last_at = greatest(production_activity.last_at, excluded.last_at)""")
                .setParameter(1, c.productionOrderId()).setParameter(2, c.resourceId())
                .setParameter(3, c.operationNumber() == null ? "" : c.operationNumber()).setParameter(4, at)
                .executeUpdate();
        if (c.lotId() == null || (c.kind() != ConfirmationKind.COMPLETION && c.kind() != ConfirmationKind.CONSUMPTION)) {
            return;
        }
        String table = c.kind() == ConfirmationKind.COMPLETION ? "lot_output" : "lot_consumption";
        String resourceColumn = c.kind() == ConfirmationKind.COMPLETION ? ", resource_id" : "";
        String resourceValue = c.kind() == ConfirmationKind.COMPLETION ? ", ?8" : "";
        var insert = em.createNativeQuery("INSERT INTO " + table + " (confirmation_id, production_order_id, lot_id, item_id, quantity, unit, "
                + "occurred_at" + resourceColumn + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7" + resourceValue + ") ON CONFLICT DO NOTHING")
                .setParameter(1, c.confirmationId()).setParameter(2, c.productionOrderId()).setParameter(3, c.lotId())
                .setParameter(4, c.itemId()).setParameter(5, c.quantity().value()).setParameter(6, c.quantity().unitOfMeasure())
                .setParameter(7, at);
        if (c.kind() == ConfirmationKind.COMPLETION) {
            insert.setParameter(8, c.resourceId());
        }
        if (insert.executeUpdate() > 0) {
            LOG.debugf("Genealogy: lot %s %s production order %s", c.lotId(),
                    c.kind() == ConfirmationKind.COMPLETION ? "made by" : "consumed by", c.productionOrderId());
        }
        // results that arrived before the lot was known are applied now, in this transaction
        results.onLotRecorded(c.lotId());
    }
}
