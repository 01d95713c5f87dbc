package io.millwright.edge.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionHealth;
import io.smallrye.health.api.HealthGroup;

/**
 * Per-connection PLC status at {@code /q/health/group/plc}: DOWN while any connection is down. Kept out of
 * readiness on purpose: a dead PLC must not take the gateway (and its backlog forwarding) out of service.
 */
@HealthGroup("plc")
@ApplicationScoped
public class PlcConnectionsHealthCheck implements HealthCheck {

    private final ConnectionSupervisor supervisor;

    PlcConnectionsHealthCheck(ConnectionSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("plc-connections").up();
        for (ConnectionHealth health : supervisor.health().values()) {
            String detail = health.status() + (health.lastError() == null ? "" : " (" + health.consecutiveFailures()
                    + " failure(s), last: " + health.lastError() + ", next attempt " + health.nextAttempt() + ")");
            response.withData(health.connectionId(), detail);
            if (health.status() == ConnectionSupervisor.ConnectionStatus.DOWN) {
                response.down();
            }
        }
        return response.build();
    }
}
