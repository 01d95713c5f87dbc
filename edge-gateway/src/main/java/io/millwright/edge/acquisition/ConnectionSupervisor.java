package io.millwright.edge.acquisition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.metrics.EdgeMetricsSink;

/**
 * Per-connection health and reconnect pacing. After a failed read the next attempt waits the connection's
 * {@code reconnect.initial}, doubling per further failure up to {@code reconnect.max}; one good read resets it.
 * Scan ticks that fall inside the wait are skipped, so a dead PLC is probed at the backoff rate, not the scan rate.
 * Each read's outcome is reported to the metrics.
 */
@Unremovable
@ApplicationScoped
public class ConnectionSupervisor {

    private static final Logger LOG = Logger.getLogger(ConnectionSupervisor.class);

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, ConnectionConfig> connections = new ConcurrentHashMap<>();
    private final EdgeMetricsSink metrics;
    private final Clock clock;

    @Inject
    ConnectionSupervisor(PlantConfig plant, EdgeMetricsSink metrics) {
        this(plant, metrics, Clock.systemUTC());
    }

    ConnectionSupervisor(PlantConfig plant, EdgeMetricsSink metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        for (ConnectionConfig connection : plant.connections()) {
            connections.put(connection.id(), connection);
            states.put(connection.id(), new State());
        }
    }

    /** False while the connection is waiting out its backoff. */
    public boolean attemptDue(String connectionId) {
        return !clock.instant().isBefore(state(connectionId).nextAttempt);
    }

    public void recordSuccess(String connectionId) {
        State state = state(connectionId);
        synchronized (state) {
            if (state.status != ConnectionStatus.UP) {
                LOG.infof("PLC connection %s is up%s", connectionId,
                        state.failures > 0 ? " after " + state.failures + " failed attempt(s)" : "");
            }
            state.status = ConnectionStatus.UP;
            state.failures = 0;
            state.lastError = null;
            state.lastSuccess = clock.instant();
            state.nextAttempt = Instant.MIN;
        }
        metrics.plcConnectionUp(connectionId, true);
    }

    public void recordFailure(String connectionId, String reason) {
        State state = state(connectionId);
        ConnectionConfig config = connections.get(connectionId);
        synchronized (state) {
            state.failures++;
            Duration backoff = backoff(config, state.failures);
            state.nextAttempt = clock.instant().plus(backoff);
            if (state.status != ConnectionStatus.DOWN) {
                LOG.warnf("PLC connection %s is down: %s; retrying with backoff from %s up to %s", connectionId, reason,
                        config.reconnectInitial(), config.reconnectMax());
            }
            state.status = ConnectionStatus.DOWN;
            state.lastError = reason;
        }
        metrics.plcConnectionUp(connectionId, false);
    }

    public Map<String, ConnectionHealth> health() {
        Map<String, ConnectionHealth> health = new TreeMap<>();
        states.forEach((id, state) -> {
            synchronized (state) {
                health.put(id, new ConnectionHealth(id, state.status, state.failures, state.lastError, state.lastSuccess,
                        state.nextAttempt.equals(Instant.MIN) ? null : state.nextAttempt));
            }
        });
        return health;
    }

    static Duration backoff(ConnectionConfig config, int failures) {
        Duration wait = config.reconnectInitial();
        for (int i = 1; i < failures && wait.compareTo(config.reconnectMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.reconnectMax()) > 0 ? config.reconnectMax() : wait;
    }

    private State state(String connectionId) {
        State state = states.get(connectionId);
        if (state == null) {
            throw new IllegalArgumentException("unknown connection " + connectionId);
        }
        return state;
    }

    public enum ConnectionStatus {
        /** No read attempted yet. */
        STARTING,
        UP,
        DOWN
    }

    public record ConnectionHealth(String connectionId, ConnectionStatus status, int consecutiveFailures, String lastError,
            Instant lastSuccess, Instant nextAttempt) {
    }

    private static final class State {
        ConnectionStatus status = ConnectionStatus.STARTING;
        int failures;
        String lastError;
        Instant lastSuccess;
        Instant nextAttempt = Instant.MIN;
    }
}
