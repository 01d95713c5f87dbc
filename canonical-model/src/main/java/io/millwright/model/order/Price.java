package io.millwright.model.order;

import io.millwright.model.common.Money;
import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.LocalDate;

/**
 * Price of one {@code unitOfMeasure} of an item. Without {@code customerId} it is the list price;
 * {@code validTo} absent means open-ended.
 */
public record Price(
        String itemId,
        @Nullable String customerId,
        Money unitPrice,
        String unitOfMeasure,
        LocalDate validFrom,
        @Nullable LocalDate validTo) {

    public Price {
        Require.nonBlank(itemId, "itemId");
        Require.nonBlankIfPresent(customerId, "customerId");
        Require.nonNull(unitPrice, "unitPrice");
        Require.nonNegative(unitPrice.amount(), "unitPrice.amount");
        Require.nonBlank(unitOfMeasure, "unitOfMeasure");
        Require.nonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo (" + validTo + ") is before validFrom (" + validFrom + ")");
        }
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
