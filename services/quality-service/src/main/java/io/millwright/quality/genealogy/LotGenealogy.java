package io.millwright.quality.genealogy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.millwright.quality.config.QualityConfig;
import io.millwright.kit.persistence.SqlTimes;

/**
 * A lot's genealogy in either direction, to any depth (up to {@code millwright.quality.genealogy.max-depth}): the
 * lots it was made from (components, recursively) or the lots it was used in (products, recursively), each with the
 * production orders that made it, their sales orders, where and when they were worked, and the quality holds on it.
 */
@ApplicationScoped
public class LotGenealogy {

    /** Which way to walk: what a lot was made from, or what it was used in. */
    public enum Direction {
        COMPONENTS("made from"), PRODUCTS("used in");

        public final String meaning;

        Direction(String meaning) {
            this.meaning = meaning;
        }
    }

    /** Where and when a production order was worked: first and last confirmation on a resource and operation. */
    public record Activity(String resourceId, String operationNumber, Instant from, Instant to) {
    }

    /** A production order that produced the lot: how much, for which sales order, where and when. */
    public record Production(String productionOrderId, String salesOrderId, BigDecimal quantity, String unit, List<Activity> activities) {
    }

    /**
     * A lot in the genealogy. {@code via} is the production order that joins it to the lot above (that consumed the
     * component and made the product) and {@code quantity}/{@code unit} how much of the component went into it; the
     * lots below are in {@code madeFrom} or {@code usedIn}, by direction.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LotNode(String lot, String itemId, String via, BigDecimal quantity, String unit, List<Production> madeBy, List<Hold> holds,
            List<LotNode> madeFrom, List<LotNode> usedIn) {
    }

    /** A quality hold on a lot, active or released. */
    public record Hold(String holdId, String status, String cause, String reason, Instant placedAt, Instant releasedAt) {
    }

    /** The answer: the lot asked for, the direction in plain words, and the tree. */
    public record View(String direction, String meaning, int levels, LotNode lot) {
    }

    private record Edge(String lot, String parent, String via, int depth) {
    }

    @Inject
    EntityManager em;

    @Inject
    QualityConfig config;

    /** Empty when the platform has seen the lot in no production confirmation. */
    @Transactional
    public Optional<View> of(String lot, Direction direction) {
        if (itemOf(lot) == null) {
            return Optional.empty();
        }
        List<Edge> edges = edges(lot, direction);
        Map<String, List<Edge>> children = new LinkedHashMap<>();
        for (Edge edge : edges) {
            children.computeIfAbsent(edge.parent, k -> new ArrayList<>()).add(edge);
        }
        Map<String, List<Production>> madeBy = new HashMap<>();
        LotNode root = node(lot, null, direction, children, madeBy);
        int levels = edges.stream().mapToInt(Edge::depth).max().orElse(0);
        return Optional.of(new View(direction.name().toLowerCase(), direction.meaning, levels, root));
    }

    /** Every lot below this one in the direction, at any depth (up to the configured depth), each once, sorted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> lotsBelow(String lot, Direction direction) {
        return edges(lot, direction).stream().map(Edge::lot).distinct().sorted().toList();
    }

    private LotNode node(String lot, Edge edge, Direction direction, Map<String, List<Edge>> children, Map<String, List<Production>> madeBy) {
        List<LotNode> below = new ArrayList<>();
        for (Edge child : children.getOrDefault(lot, List.of())) {
            if (edge == null || child.depth == edge.depth + 1) {
                below.add(node(child.lot, child, direction, children, madeBy));
            }
        }
        BigDecimal quantity = null;
        String unit = null;
        if (edge != null) {
            // how much of the component lot went into the joining production order
            String component = direction == Direction.COMPONENTS ? edge.lot : edge.parent;
            Object[] consumed = (Object[]) em.createNativeQuery("SELECT sum(quantity), min(unit) FROM lot_consumption "
                    + "WHERE production_order_id = ?1 AND lot_id = ?2").setParameter(1, edge.via).setParameter(2, component).getSingleResult();
            quantity = (BigDecimal) consumed[0];
            unit = (String) consumed[1];
        }
        return new LotNode(lot, itemOf(lot), edge == null ? null : edge.via, quantity, unit,
                madeBy.computeIfAbsent(lot, this::productions), holdsOn(lot),
                direction == Direction.COMPONENTS ? below : null, direction == Direction.PRODUCTS ? below : null);
    }

    private List<Edge> edges(String lot, Direction direction) {
        // components: the lot's producing orders and what they consumed; products: the orders that consumed the lot
        // and what they produced. Each path visits a lot once (no endless loop on a rework cycle).
        String step = direction == Direction.COMPONENTS
                ? "JOIN lot_output o ON o.lot_id = t.lot_id JOIN lot_consumption n ON n.production_order_id = o.production_order_id"
                : "JOIN lot_consumption o ON o.lot_id = t.lot_id JOIN lot_output n ON n.production_order_id = o.production_order_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH RECURSIVE tree(lot_id, parent_lot, via, depth, path) AS (
                    SELECT CAST(?1 AS text), CAST(NULL AS text), CAST(NULL AS text), 0, ARRAY[CAST(?1 AS text)]
                  UNION ALL
                    SELECT n.lot_id, t.lot_id, o.production_order_id, t.depth + 1, t.path || n.lot_id
                      FROM tree t %s
                     WHERE t.depth < ?2 AND NOT n.lot_id = ANY(t.path)
                )
                SELECT DISTINCT lot_id, parent_lot, via, depth FROM tree WHERE depth > 0 ORDER BY depth, parent_lot, lot_id, via
                """.formatted(step)).setParameter(1, lot).setParameter(2, config.genealogy().maxDepth()).getResultList();
        return rows.stream().map(r -> new Edge((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue())).toList();
    }

    private List<Hold> holdsOn(String lot) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT h.hold_id, h.status, h.cause, h.reason, h.placed_at, h.released_at FROM quality_hold h
                  JOIN quality_hold_lot l ON l.hold_id = h.hold_id WHERE l.lot_id = ?1 ORDER BY h.placed_at, h.hold_id""")
                .setParameter(1, lot).getResultList();
        return rows.stream().map(r -> new Hold((String) r[0], (String) r[1], (String) r[2], (String) r[3], SqlTimes.instant(r[4]),
                SqlTimes.instant(r[5]))).toList();
    }

    private String itemOf(String lot) {
        @SuppressWarnings("unchecked")
        List<String> items = em.createNativeQuery("SELECT item_id FROM lot_output WHERE lot_id = ?1 UNION ALL "
                + "SELECT item_id FROM lot_consumption WHERE lot_id = ?1 LIMIT 1").setParameter(1, lot).getResultList();
        return items.isEmpty() ? null : items.get(0);
    }

    private List<Production> productions(String lot) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT o.production_order_id, r.sales_order_id, sum(o.quantity), min(o.unit)
                  FROM lot_output o LEFT JOIN production_run r ON r.production_order_id = o.production_order_id
                 WHERE o.lot_id = ?1
                 GROUP BY o.production_order_id, r.sales_order_id ORDER BY o.production_order_id""")
                .setParameter(1, lot).getResultList();
        List<Production> productions = new ArrayList<>();
        for (Object[] row : rows) {
            String order = (String) row[0];
            @SuppressWarnings("unchecked")
            List<Object[]> activities = em.createNativeQuery("SELECT resource_id, operation_number, first_at, last_at FROM production_activity "
                    + "WHERE production_order_id = ?1 ORDER BY first_at, operation_number").setParameter(1, order).getResultList();
            productions.add(new Production(order, (String) row[1], (BigDecimal) row[2], (String) row[3], activities.stream()
                    .map(a -> new Activity((String) a[0], ((String) a[1]).isEmpty() ? null : (String) a[1], SqlTimes.instant(a[2]), SqlTimes.instant(a[3])))
                    .toList()));
        }
        return productions;
    }
}
