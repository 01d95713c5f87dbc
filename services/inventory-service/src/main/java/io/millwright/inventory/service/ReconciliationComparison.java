package io.millwright.inventory.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.millwright.model.inventory.StockStatus;

/**
 * Compares Millwright's balances with ERP's, position by position (item, lot, plant, location, status). A position
 * missing on one side counts as zero there. Positions the caller marks as in flight (a movement or status change
 * not yet known to be in ERP's answer) are skipped, not reported.
 */
public final class ReconciliationComparison {

    public record Position(String itemId, String lotId, String plantId, String locationId, StockStatus status) {
    }

    public record Amount(BigDecimal value, String uom) {
    }

    /** {@code variance} = erp − millwright. */
    public record Variance(Position position, BigDecimal millwright, BigDecimal erp, BigDecimal variance, String uom) {
    }

    public record Result(List<Variance> variances, int compared, int skipped) {
    }

    private static final Comparator<Position> ORDER = Comparator.comparing(Position::itemId)
            .thenComparing(Position::lotId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Position::plantId).thenComparing(Position::locationId).thenComparing(Position::status);

    private ReconciliationComparison() {
    }

    public static Result compare(Map<Position, Amount> millwright, Map<Position, Amount> erp, Predicate<Position> inFlight) {
        TreeSet<Position> positions = new TreeSet<>(ORDER);
        positions.addAll(millwright.keySet());
        positions.addAll(erp.keySet());
        List<Variance> variances = new ArrayList<>();
        int compared = 0;
        int skipped = 0;
        for (Position position : positions) {
            if (inFlight.test(position)) {
                skipped++;
                continue;
            }
            compared++;
            Amount ours = millwright.get(position);
            Amount theirs = erp.get(position);
            BigDecimal oursValue = ours == null ? BigDecimal.ZERO : ours.value();
            BigDecimal erpValue = theirs == null ? BigDecimal.ZERO : theirs.value();
            if (oursValue.compareTo(erpValue) != 0) {
                String uom = ours != null ? ours.uom() : theirs.uom();
                variances.add(new Variance(position, oursValue, erpValue, erpValue.subtract(oursValue), uom));
            }
        }
        return new Result(variances, compared, skipped);
    }
}
