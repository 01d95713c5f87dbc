package io.millwright.production.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.millwright.model.production.Shift;

/**
 * The plant's shift pattern: named shifts with local start times in the plant's zone, each ending where the next
 * begins (the last wraps past midnight into the first of the next day). A shift counts towards the calendar day it
 * starts on, so the night shift starting 22:00 on the 28th is the 28th's night shift even after midnight. Bounds are
 * computed as instants from local times, so shifts on daylight-saving change days are an hour shorter or longer.
 */
public final class ShiftCalendar {

    private record Definition(String name, LocalTime start) {
    }

    private final ZoneId zone;
    private final List<Definition> shifts;

    private ShiftCalendar(ZoneId zone, List<Definition> shifts) {
        this.zone = zone;
        this.shifts = shifts;
    }

    /** @param startsByName shift name → local start time as {@code HH:mm} */
    public static ShiftCalendar of(String zoneId, Map<String, String> startsByName) {
        ZoneId zone = ZoneId.of(zoneId);
        if (startsByName == null || startsByName.isEmpty()) {
            throw new IllegalArgumentException("At least one shift is required (millwright.production.shifts.<name>=HH:mm)");
        }
        List<Definition> shifts = new ArrayList<>();
        startsByName.forEach((name, start) -> {
            try {
                shifts.add(new Definition(name, LocalTime.parse(start.trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Shift " + name + " has start '" + start + "', expected HH:mm", e);
            }
        });
        shifts.sort(Comparator.comparing(Definition::start));
        for (int i = 1; i < shifts.size(); i++) {
            if (shifts.get(i).start().equals(shifts.get(i - 1).start())) {
                throw new IllegalArgumentException("Shifts " + shifts.get(i - 1).name() + " and " + shifts.get(i).name()
                        + " start at the same time");
            }
        }
        return new ShiftCalendar(zone, List.copyOf(shifts));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The shift of {@code plantId} that covers {@code instant}. */
    public Shift shiftAt(String plantId, Instant instant) {
        LocalDate localDay = instant.atZone(zone).toLocalDate();
        // A shift that covers the instant started on the instant's local day or the day before (night shift).
        for (LocalDate day = localDay.minusDays(1); !day.isAfter(localDay); day = day.plusDays(1)) {
            for (int i = 0; i < shifts.size(); i++) {
                Instant start = startOf(day, i);
                Instant end = i + 1 < shifts.size() ? startOf(day, i + 1) : startOf(day.plusDays(1), 0);
                if (!instant.isBefore(start) && instant.isBefore(end)) {
                    String name = shifts.get(i).name();
                    return new Shift(plantId + "-" + day + "-" + name, plantId, name, day, start, end);
                }
            }
        }
        throw new IllegalStateException("No shift covers " + instant + " in " + zone); // cannot happen: shifts tile the day
    }

    private Instant startOf(LocalDate day, int index) {
        // In a spring-forward gap the start moves forward by the gap; in an autumn overlap the earlier offset applies.
        return ZonedDateTime.of(day, shifts.get(index).start(), zone).toInstant();
    }
}
