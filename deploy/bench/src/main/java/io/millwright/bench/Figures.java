package io.millwright.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.millwright.kit.testing.PostgresDatabase;

/**
 * The benchmark's figures, read from the services' and the ERP simulator's own tables (one database, one schema each):
 * what was confirmed and posted, when, and how often the ERP took each business key.
 */
final class Figures {

    /** What the ERP simulator's posting ledger holds for the benchmark's keys. */
    record ErpPostings(long expected, long postings, long distinctKeys, long duplicateCalls) {
        boolean exactlyOnce() {
            return postings == expected && distinctKeys == expected;
        }

        @Override
        public String toString() {
            return String.format("%d postings for %d distinct keys, %d expected%s; %d repeated calls answered as duplicates",
                    postings, distinctKeys, expected, exactlyOnce() ? " (exactly once)" : " (NOT exactly once)", duplicateCalls);
        }
    }

    private final PostgresDatabase db;
    /** One connection for all polling: a connection per poll would compete with the services for PostgreSQL's slots. */
    private final Connection connection;

    Figures(PostgresDatabase db) {
        this.db = db;
        try {
            this.connection = db.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + db, e);
        }
    }

    private synchronized long count(String sql, Object... params) {
        return db.count(connection, sql, params);
    }

    private synchronized List<Map<String, Object>> query(String sql, Object... params) {
        return db.query(connection, sql, params);
    }

    long ordersConfirmed(String crmPrefix) {
        return count("SELECT count(*) FROM orders.sales_order WHERE crm_order_id LIKE ? AND status = 'CONFIRMED'", crmPrefix + "%");
    }

    /** Accepted → confirmed by ERP, p50 and p99 in ms. */
    double[] orderLagMillis(String crmPrefix) {
        return percentiles("""
                SELECT extract(epoch FROM t.at - o.created_at) * 1000 AS v FROM orders.sales_order o
                  JOIN orders.order_timeline t ON t.order_id = o.id AND t.step = 'CONFIRMED_BY_ERP'
                 WHERE o.crm_order_id LIKE ?""", crmPrefix + "%");
    }

    /** Sales orders confirmed per second, over the middle 90 % of confirmations (the tails of a drain are not its rate). */
    double orderPostingRate(String crmPrefix) {
        return middleRate("""
                SELECT extract(epoch FROM t.at) AS v FROM orders.sales_order o
                  JOIN orders.order_timeline t ON t.order_id = o.id AND t.step = 'CONFIRMED_BY_ERP'
                 WHERE o.crm_order_id LIKE ?""", crmPrefix + "%");
    }

    /** Confirmations production-service stored, whatever their state: also those whose caller gave up waiting. */
    long confirmationsStored(String prefix) {
        return count("SELECT count(*) FROM production.mes_confirmation WHERE confirmation_id LIKE ?", prefix + "%");
    }

    long confirmationsPosted(String prefix) {
        return count("SELECT count(*) FROM production.mes_confirmation WHERE confirmation_id LIKE ? AND status = 'POSTED'", prefix + "%");
    }

    double confirmationPostingRate(String prefix) {
        return middleRate("SELECT extract(epoch FROM posted_at) AS v FROM production.mes_confirmation WHERE confirmation_id LIKE ? "
                + "AND status = 'POSTED'", prefix + "%");
    }

    /** Received from the MES → posted to ERP, p50 and p99 in ms. */
    double[] confirmationLagMillis(String prefix) {
        return percentiles("SELECT extract(epoch FROM posted_at - received_at) * 1000 AS v FROM production.mes_confirmation "
                + "WHERE confirmation_id LIKE ? AND status = 'POSTED'", prefix + "%");
    }

    long movementsPosted(String prefix) {
        return count("SELECT count(*) FROM inventory.movement WHERE movement_id LIKE ? AND erp_state = 'POSTED'", prefix + "%");
    }

    double movementPostingRate(String prefix) {
        return middleRate("SELECT extract(epoch FROM erp_posted_at) AS v FROM inventory.movement WHERE movement_id LIKE ? "
                + "AND erp_state = 'POSTED'", prefix + "%");
    }

    ErpPostings erpPostings(String postingType, String keyPrefix, long expected) {
        Map<String, Object> row = query("SELECT count(*) AS n, count(DISTINCT business_key) AS keys FROM erp_sim.posting "
                + "WHERE posting_type = ? AND business_key LIKE ?", postingType, keyPrefix + "%").get(0);
        long duplicates = count("SELECT count(*) FROM erp_sim.erp_call WHERE business_key LIKE ? AND outcome = 'DUPLICATE'",
                keyPrefix + "%");
        return new ErpPostings(expected, ((Number) row.get("n")).longValue(), ((Number) row.get("keys")).longValue(), duplicates);
    }

    private double[] percentiles(String valuesQuery, Object... params) {
        Map<String, Object> row = query("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS p50, "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY v) AS p99 FROM (" + valuesQuery + ") x", params).get(0);
        return new double[] { number(row.get("p50")), number(row.get("p99")) };
    }

    private double middleRate(String timesQuery, Object... params) {
        List<Map<String, Object>> rows = query("SELECT count(*) AS n, percentile_cont(0.05) WITHIN GROUP (ORDER BY v) AS t05, "
                + "percentile_cont(0.95) WITHIN GROUP (ORDER BY v) AS t95 FROM (" + timesQuery + ") x", params);
        Map<String, Object> row = rows.get(0);
        double n = number(row.get("n"));
        double seconds = number(row.get("t95")) - number(row.get("t05"));
        return seconds > 0 ? 0.9 * n / seconds : Double.NaN;
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
