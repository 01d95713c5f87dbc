package io.millwright.simulators.erp.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds the one fault currently injected into the simulated ERP. In memory on purpose: it is test
 * scaffolding, checked on the Vert.x event loop by the unavailability filter, and must not touch the database.
 */
@ApplicationScoped
public class FaultInjector {

    private static final Logger LOG = Logger.getLogger(FaultInjector.class);

    private final AtomicReference<ActiveFault> active = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();

    /** Replaces any active fault. Rejects incomplete specifications with IllegalArgumentException. */
    public ActiveFault activate(FaultSpec spec, Set<String> knownOperations) {
        if (spec == null || spec.mode() == null) {
            throw new IllegalArgumentException("mode is required: UNAVAILABLE, SOAP_FAULT or LATENCY");
        }
        if (spec.durationSeconds() != null && spec.durationSeconds() <= 0) {
            throw new IllegalArgumentException("durationSeconds must be positive (omit it for 'until cleared')");
        }
        if (spec.mode() == FaultMode.LATENCY && (spec.latencyMs() == null || spec.latencyMs() <= 0)) {
            throw new IllegalArgumentException("LATENCY needs a positive latencyMs");
        }
        if (spec.operation() != null && !knownOperations.contains(spec.operation())) {
            throw new IllegalArgumentException("unknown operation " + spec.operation() + "; known: " + knownOperations);
        }
        Instant now = clock.instant();
        Instant expiresAt = spec.durationSeconds() == null ? null : now.plusSeconds(spec.durationSeconds());
        Long latency = spec.mode() == FaultMode.LATENCY ? spec.latencyMs() : null;
        if (spec.faultCode() != null && (spec.mode() != FaultMode.SOAP_FAULT
                || !(spec.faultCode().startsWith("BUS-") || spec.faultCode().startsWith("TEC-")))) {
            throw new IllegalArgumentException("faultCode goes with SOAP_FAULT and starts with BUS- or TEC-");
        }
        String code = spec.mode() == FaultMode.SOAP_FAULT
                ? (spec.faultCode() == null ? FaultCodes.BACKEND_UNAVAILABLE : spec.faultCode())
                : null;
        ActiveFault fault = new ActiveFault(spec.mode(), spec.durationSeconds(), latency, spec.operation(), code, now, expiresAt);
        active.set(fault);
        LOG.infof("ERP fault injected: %s", fault);
        return fault;
    }

    public Optional<ActiveFault> current() {
        ActiveFault fault = active.get();
        if (fault != null && fault.expired(clock.instant())) {
            active.compareAndSet(fault, null);
            LOG.infof("ERP fault expired: %s", fault);
            return Optional.empty();
        }
        return Optional.ofNullable(fault);
    }

    public void clear() {
        ActiveFault previous = active.getAndSet(null);
        if (previous != null) {
            LOG.infof("ERP fault cleared: %s", previous);
        }
    }

    /** Non-blocking: whether a request for this operation (null if unknown) must be refused with HTTP 503. */
    public boolean unavailableFor(String operation) {
        return current().filter(f -> f.mode() == FaultMode.UNAVAILABLE)
                .filter(f -> f.operation() == null || f.operation().equals(operation))
                .isPresent();
    }

    /** Runs on the CXF worker thread before an operation: throws for SOAP_FAULT, waits for LATENCY. */
    public void beforeOperation(String operation) {
        Optional<ActiveFault> fault = current().filter(f -> f.appliesTo(operation));
        if (fault.isEmpty()) {
            return;
        }
        switch (fault.get().mode()) {
            case SOAP_FAULT -> throw new ErpRejectedException(fault.get().faultCode(),
                    fault.get().faultCode().startsWith("BUS-") ? "Rejected by ERP (injected fault)" : "ERP backend unavailable (injected fault)");
            case LATENCY -> pause(Duration.ofMillis(fault.get().latencyMs()));
            case UNAVAILABLE -> {
                // Activated while this request was already past the HTTP filter: let it through.
            }
        }
    }

    private static void pause(Duration latency) {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpRejectedException(FaultCodes.INTERNAL_ERROR, "interrupted while simulating latency");
        }
    }
}
