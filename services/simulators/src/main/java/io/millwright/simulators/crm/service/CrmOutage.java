package io.millwright.simulators.crm.service;

import java.time.Duration;
import java.util.Optional;

import io.millwright.simulators.common.Outage;
import jakarta.enterprise.context.ApplicationScoped;

/** The CRM's injected outage: its API answers 503 while it lasts. */
@ApplicationScoped
public class CrmOutage {

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
