package io.millwright.simulators.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The injected outage of each simulated system that can be down on command (the ERP has its own, richer fault
 * injection): one {@link Outage} per system, injected as {@code @Named("<system>") Outage}.
 */
@Singleton
public class Outages {

    @Produces
    @Singleton
    @Named("crm")
    Outage crm() {
        return new Outage();
    }

    @Produces
    @Singleton
    @Named("mes")
    Outage mes() {
        return new Outage();
    }

    @Produces
    @Singleton
    @Named("wms")
    Outage wms() {
        return new Outage();
    }

    @Produces
    @Singleton
    @Named("eam")
    Outage eam() {
        return new Outage();
    }
}
