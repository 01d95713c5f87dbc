package io.millwright.model.production;

import io.millwright.model.common.Require;
import java.time.Instant;
import java.time.LocalDate;

/** A shift; {@code productionDate} is the plant's calendar day the shift counts towards (night shifts cross midnight). */
public record Shift(
        String shiftId,
        String plantId,
        String name,
        LocalDate productionDate,
        Instant startsAt,
        Instant endsAt) {

    public Shift {
        Require.nonBlank(shiftId, "shiftId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(name, "name");
        Require.nonNull(productionDate, "productionDate");
        Require.nonNull(startsAt, "startsAt");
        Require.nonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt (" + endsAt + ") must be after startsAt (" + startsAt + ")");
        }
    }

    /** Start inclusive, end exclusive, so a confirmation at a shift boundary belongs to exactly one shift. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }
}
