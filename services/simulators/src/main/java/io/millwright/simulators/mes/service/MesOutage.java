package io.millwright.simulators.mes.service;

import java.time.Duration;
import java.util.Optional;

import io.millwright.simulators.common.Outage;
import jakarta.enterprise.context.ApplicationScoped;

/** The MES's injected outage: dispatches are answered 503 while it lasts. */
@ApplicationScoped
public class MesOutage {

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
