package io.millwright.inventory.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.millwright.model.inventory.StockStatus;

/**
 * The rules stock follows, kept free of persistence so they are tested on their own. They mirror what the ERP
 * does with the same movements, so both sides stay reconcilable.
 */
public final class BalanceRules {

    private BalanceRules() {
    }

    /**
     * Status a receipt is booked into. A lot under an active hold receives into QUALITY_HOLD (new output of a
     * held lot is held too). Otherwise the receipt joins the position's current status: ERP keeps one status
     * per item/plant/location/lot and adds a receipt to it, so a position whose stock is all on hold or blocked
     * stays so; everything else is UNRESTRICTED.
     */
    public static StockStatus receiptStatus(boolean lotUnderActiveHold, Map<StockStatus, BigDecimal> positionStock) {
        if (lotUnderActiveHold) {
            return StockStatus.QUALITY_HOLD;
        }
        if (positive(positionStock.get(StockStatus.UNRESTRICTED))) {
            return StockStatus.UNRESTRICTED;
        }
        if (positive(positionStock.get(StockStatus.QUALITY_HOLD))) {
            return StockStatus.QUALITY_HOLD;
        }
        if (positive(positionStock.get(StockStatus.BLOCKED))) {
            return StockStatus.BLOCKED;
        }
        return StockStatus.UNRESTRICTED;
    }

    /** A source of unrestricted stock an issue may draw on, in the order it should be drawn. */
    public record Source<K>(K key, BigDecimal available) {
    }

    public record Take<K>(K key, BigDecimal quantity) {
    }

    /**
     * Plans an issue over the given sources in their order (the named lot, or every lot at the location oldest
     * first, as ERP does). Stock never goes negative: an issue beyond the unrestricted stock is refused whole.
     *
     * @throws InsufficientStockException when the sources hold less than {@code quantity}
     */
    public static <K> List<Take<K>> planIssue(BigDecimal quantity, List<Source<K>> sources, String description) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("an issue needs a positive quantity, was " + quantity);
        }
        BigDecimal available = sources.stream().map(Source::available).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(quantity) < 0) {
            throw new InsufficientStockException("only " + available.stripTrailingZeros().toPlainString() + " unrestricted of "
                    + description + ", " + quantity.stripTrailingZeros().toPlainString() + " to issue");
        }
        List<Take<K>> takes = new ArrayList<>();
        BigDecimal remaining = quantity;
        for (Source<K> source : sources) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal taken = source.available().min(remaining);
            if (taken.signum() > 0) {
                takes.add(new Take<>(source.key(), taken));
                remaining = remaining.subtract(taken);
            }
        }
        return takes;
    }

    /** Availability counts unrestricted stock only; held and blocked stock cannot be promised. */
    public static boolean covers(BigDecimal unrestricted, BigDecimal requested) {
        return unrestricted.compareTo(requested) >= 0;
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }
}
