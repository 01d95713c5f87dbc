package io.millwright.inventory.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.persistence.SqlTimes;
import io.millwright.kit.journey.JourneyContributor;
import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyKey.Kind;
import io.millwright.model.journey.JourneyStep;
import io.millwright.model.journey.JourneyStep.Outcome;

/**
 * inventory-service's part of a journey: the goods movements of a lot or production order (or of a trace) and their
 * postings to the ERP, and a lot's holds with their stock status changes in the ERP and the WMS.
 */
@ApplicationScoped
public class InventoryJourney implements JourneyContributor {

    static final String SERVICE = "inventory-service";
    private static final int LIMIT = 200;

    @Inject
    EntityManager em;

    @Override
    public List<JourneyStep> steps(JourneyKey key) {
        String where = switch (key.kind()) {
            case LOT -> "lot_id = ?1";
            case PRODUCTION_ORDER -> "production_order_id = ?1";
            case TRACE -> "traceparent IS NOT NULL AND substring(m.traceparent from 4 for 32) = ?1";
            case CRM_ORDER, ORDER, SALES_ORDER, INCIDENT -> null;
        };
        List<JourneyStep> steps = new ArrayList<>();
        if (where != null) {
            movements(where, key.id(), steps);
        }
        if (key.kind() == Kind.LOT) {
            holds(key.id(), steps);
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private void movements(String where, String id, List<JourneyStep> steps) {
        // while a posting waits, its work item knows the attempts and the last error
        List<Object[]> rows = em.createNativeQuery("SELECT m.movement_id, m.movement_type, m.item_id, m.lot_id, m.quantity, m.uom, m.stock_status,"
                + " m.to_location, m.production_order_id, m.occurred_at, m.erp_state, m.erp_document_number, GREATEST(m.erp_attempts, COALESCE(w.attempts, 0)),"
                + " w.last_error, m.erp_posted_at, m.correlation_id, m.traceparent FROM movement m LEFT JOIN kit_work_item w"
                + " ON w.queue = '" + InventoryQueues.ERP_MOVEMENT + "' AND w.item_key = m.movement_id WHERE m." + where
                + " ORDER BY m.occurred_at, m.movement_id LIMIT " + LIMIT).setParameter(1, id).getResultList();
        for (Object[] row : rows) {
            String movementId = (String) row[0];
            String type = (String) row[1];
            String lot = (String) row[3];
            String productionOrder = (String) row[8];
            String traceId = TraceContext.traceId((String) row[16]);
            String correlationId = (String) row[15];
            JourneyKey subject = lot != null ? JourneyKey.of(Kind.LOT, lot)
                    : productionOrder != null ? JourneyKey.of(Kind.PRODUCTION_ORDER, productionOrder) : null;
            List<JourneyKey> links = new ArrayList<>();
            if (productionOrder != null && lot != null) {
                links.add(JourneyKey.of(Kind.PRODUCTION_ORDER, productionOrder));
            }
            String what = "%s %s %s of %s%s into %s (%s)".formatted(movementId, ((BigDecimal) row[4]).stripTrailingZeros().toPlainString(), row[5],
                    row[2], lot == null ? "" : " lot " + lot, row[7] == null ? "-" : row[7], row[6]);
            steps.add(new JourneyStep(SERVICE, movementSystem(type), type, what, SqlTimes.instant(row[9]), Outcome.DONE, correlationId, traceId, subject, links));
            String state = (String) row[10];
            switch (state) {
                case "POSTED" -> steps.add(new JourneyStep(SERVICE, "ERP", "MOVEMENT_POSTED", movementId + " posted to the ERP as " + row[11],
                        SqlTimes.instant(row[14]), Outcome.DONE, correlationId, traceId, subject, List.of()));
                case "PENDING" -> steps.add(new JourneyStep(SERVICE, "ERP", "MOVEMENT_WAITING_FOR_ERP", movementId + " waits for the ERP after "
                        + row[12] + " attempt(s)" + (row[13] == null ? "" : ": " + row[13]), SqlTimes.instant(row[9]), Outcome.WAITING, correlationId, traceId,
                        subject, List.of()));
                case "REJECTED" -> steps.add(new JourneyStep(SERVICE, "ERP", "MOVEMENT_REJECTED_BY_ERP", movementId + " rejected by the ERP: " + row[13],
                        SqlTimes.instant(row[9]), Outcome.FAILED, correlationId, traceId, subject, List.of()));
                default -> {
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void holds(String lot, List<JourneyStep> steps) {
        JourneyKey subject = JourneyKey.of(Kind.LOT, lot);
        List<Object[]> holds = em.createNativeQuery("SELECT h.hold_id, h.reason, h.source, h.placed_at, h.released_at, h.release_reason FROM hold h"
                + " JOIN hold_lot l ON l.hold_id = h.hold_id WHERE l.lot_id = ?1 ORDER BY h.placed_at LIMIT " + LIMIT).setParameter(1, lot).getResultList();
        for (Object[] hold : holds) {
            steps.add(new JourneyStep(SERVICE, "Millwright", "LOT_HELD", "Hold " + hold[0] + ": " + hold[1], SqlTimes.instant(hold[3]), Outcome.DONE, null, null,
                    subject, List.of()));
            if (hold[4] != null) {
                steps.add(new JourneyStep(SERVICE, "Millwright", "LOT_RELEASED", "Hold " + hold[0] + " released" + (hold[5] == null ? "" : ": " + hold[5]),
                        SqlTimes.instant(hold[4]), Outcome.DONE, null, null, subject, List.of()));
            }
        }
        List<Object[]> syncs = em.createNativeQuery("SELECT s.target, s.hold_id, s.status, s.state, GREATEST(s.attempts, COALESCE(w.attempts, 0)),"
                + " w.last_error, s.document_number, s.created_at, s.done_at, s.correlation_id FROM stock_status_sync s LEFT JOIN kit_work_item w"
                + " ON w.queue = CASE s.target WHEN 'ERP' THEN '" + InventoryQueues.ERP_STOCK_STATUS + "' ELSE '" + InventoryQueues.WMS_STOCK_STATUS + "' END"
                + " AND w.item_key = s.request_id WHERE s.lot_id = ?1 ORDER BY s.id LIMIT " + LIMIT).setParameter(1, lot).getResultList();
        for (Object[] sync : syncs) {
            String target = (String) sync[0];
            String state = (String) sync[3];
            Outcome outcome = switch (state) {
                case "DONE" -> Outcome.DONE;
                case "REJECTED" -> Outcome.FAILED;
                default -> Outcome.WAITING;
            };
            String detail = "Stock status " + sync[2] + " for hold " + sync[1] + switch (state) {
                case "DONE" -> " set" + (sync[6] == null ? "" : " (" + sync[6] + ")");
                case "REJECTED" -> " refused: " + sync[5];
                default -> " waiting after " + sync[4] + " attempt(s)" + (sync[5] == null ? "" : ": " + sync[5]);
            };
            steps.add(new JourneyStep(SERVICE, target, "STOCK_STATUS_" + state, detail, SqlTimes.instant(sync[8] != null ? sync[8] : sync[7]), outcome,
                    (String) sync[9], null, subject, List.of()));
        }
    }

    private static String movementSystem(String type) {
        return switch (type) {
            case "PRODUCTION_RECEIPT", "PRODUCTION_ISSUE", "SCRAP" -> "MES";
            case "WAREHOUSE_RECEIPT", "SHIPMENT" -> "WMS";
            default -> "Millwright";
        };
    }
}
