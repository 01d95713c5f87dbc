package io.millwright.production.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.model.production.Shift;

/** The shift calendar: three shifts in Europe/Berlin, a night shift across midnight, both daylight-saving change days. */
class ShiftCalendarTest {

    private final ShiftCalendar calendar = ShiftCalendar.of("Europe/Berlin", Map.of("NIGHT", "22:00", "EARLY", "06:00", "LATE", "14:00"));

    @Test
    void dayShiftsOnAnOrdinaryDay() {
        // 2026-11-22 is CET (UTC+1): 10:00 local = 09:00Z
        Shift early = calendar.shiftAt("1000", Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(early.name()).isEqualTo("EARLY");
        assertThat(early.shiftId()).isEqualTo("1000-2026-11-22-EARLY");
        assertThat(early.productionDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(early.startsAt()).isEqualTo(Instant.parse("2026-11-22T05:00:00Z"));
        assertThat(early.endsAt()).isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));

        assertThat(calendar.shiftAt("1000", Instant.parse("2026-11-22T13:00:00Z")).shiftId())
                .as("a boundary belongs to the shift that starts there").isEqualTo("1000-2026-11-22-LATE");
        assertThat(calendar.shiftAt("1000", Instant.parse("2026-11-22T12:59:59Z")).name()).isEqualTo("EARLY");
    }

    @Test
    void nightShiftCrossingMidnightCountsTowardsTheDayItStarted() {
        Shift beforeMidnight = calendar.shiftAt("1000", Instant.parse("2026-11-22T22:30:00Z")); // 23:30 local on the 22nd
        Shift afterMidnight = calendar.shiftAt("1000", Instant.parse("2026-11-23T01:00:00Z")); // 02:00 local on the 23rd
        assertThat(beforeMidnight.shiftId()).isEqualTo("1000-2026-11-22-NIGHT");
        assertThat(afterMidnight).isEqualTo(beforeMidnight);
        assertThat(afterMidnight.productionDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(afterMidnight.startsAt()).isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
        assertThat(afterMidnight.endsAt()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(calendar.shiftAt("1000", Instant.parse("2026-11-23T04:59:59Z")).name()).isEqualTo("NIGHT");
        assertThat(calendar.shiftAt("1000", Instant.parse("2026-11-23T05:00:00Z")).shiftId()).isEqualTo("1000-2026-11-23-EARLY");
    }

    @Test
    void nightShiftIntoSpringForwardIsOneHourShorter() {
        // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST. The night shift of the 28th runs 22:00 CET to 06:00 CEST.
        Shift night = calendar.shiftAt("1000", Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST
        assertThat(night.shiftId()).isEqualTo("1000-2026-03-28-NIGHT");
        assertThat(night.startsAt()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
        assertThat(night.endsAt()).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
        assertThat(Duration.between(night.startsAt(), night.endsAt())).isEqualTo(Duration.ofHours(7));
        assertThat(calendar.shiftAt("1000", Instant.parse("2026-03-29T04:00:00Z")).shiftId()).isEqualTo("1000-2026-03-29-EARLY");
        assertThat(calendar.shiftAt("1000", Instant.parse("2026-03-29T03:59:00Z")).name()).isEqualTo("NIGHT");
    }

    @Test
    void nightShiftThroughFallBackIsOneHourLongerAndTheRepeatedHourStaysInIt() {
        // 2026-10-25: clocks go from 03:00 CEST back to 02:00 CET; 02:30 local happens twice.
        Shift first = calendar.shiftAt("1000", Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST
        Shift second = calendar.shiftAt("1000", Instant.parse("2026-10-25T01:30:00Z")); // 02:30 CET
        assertThat(first).isEqualTo(second);
        assertThat(first.shiftId()).isEqualTo("1000-2026-10-24-NIGHT");
        assertThat(Duration.between(first.startsAt(), first.endsAt())).isEqualTo(Duration.ofHours(9));
        assertThat(first.endsAt()).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
    }

    @Test
    void shiftStartingInTheSpringGapStartsWhenTheClockJumps() {
        ShiftCalendar twoShifts = ShiftCalendar.of("Europe/Berlin", Map.of("A", "02:30", "B", "14:30"));
        Shift a = twoShifts.shiftAt("1000", Instant.parse("2026-03-29T02:00:00Z")); // 04:00 CEST
        assertThat(a.shiftId()).isEqualTo("1000-2026-03-29-A");
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z")); // 02:30 does not exist: 03:30 CEST
    }

    @Test
    void oneShiftADayWrapsOntoItself() {
        ShiftCalendar single = ShiftCalendar.of("Europe/Berlin", Map.of("DAY", "06:00"));
        Shift day = single.shiftAt("1000", Instant.parse("2026-11-23T02:00:00Z")); // 03:00 local, before 06:00
        assertThat(day.shiftId()).isEqualTo("1000-2026-11-22-DAY");
        assertThat(Duration.between(day.startsAt(), day.endsAt())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void invalidCalendarsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ShiftCalendar.of("Europe/Berlin", Map.of())).hasMessageContaining("At least one shift");
        assertThatThrownBy(() -> ShiftCalendar.of("Europe/Berlin", Map.of("EARLY", "6 o'clock"))).hasMessageContaining("EARLY");
        assertThatThrownBy(() -> ShiftCalendar.of("Europe/Berlin", Map.of("A", "06:00", "B", "06:00"))).hasMessageContaining("same time");
    }
}
