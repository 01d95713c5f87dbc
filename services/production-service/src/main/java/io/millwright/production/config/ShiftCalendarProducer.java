package io.millwright.production.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.millwright.production.service.ShiftCalendar;

/** The plant's shift calendar from {@code millwright.production.shifts} and {@code millwright.production.plant-zone}. */
@ApplicationScoped
public class ShiftCalendarProducer {

    @Produces
    @Singleton
    ShiftCalendar shiftCalendar(ProductionConfig config) {
        return ShiftCalendar.of(config.plantZone(), config.shifts());
    }
}
