package io.millwright.simulators.eam.service;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.millwright.simulators.common.Outage;

/** The EAM's injected outage: its work request API answers 503 while it lasts. */
@ApplicationScoped
public class EamOutage {

    private final Outage outage = new Outage();

    public Outage.Active begin(Duration duration) {
        return outage.begin(duration);
    }

    public void clear() {
        outage.clear();
    }

    public Optional<Outage.Active> current() {
        return outage.current();
    }

    public boolean isDown() {
        return outage.isDown();
    }
}
