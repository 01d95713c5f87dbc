package io.millwright.maintenance.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.maintenance.WorkRequestPriority;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** maintenance-service's own settings ({@code millwright.maintenance.*}); the kit's are under {@code millwright.kit.*}. */
@ConfigMapping(prefix = "millwright.maintenance")
public interface MaintenanceConfig {

    Incidents incidents();

    Edge edge();

    /** Asset id (as the edge names it) to its place in the ERP. An asset not listed here is refused (dead letter). */
    Map<String, Asset> assets();

    /** Fault code to what its repair needs. A code not listed needs no parts. */
    Map<String, Fault> faults();

    interface Incidents {
        /** How long a new alert waits before it becomes an incident; an alert cleared within it is noise. */
        @WithDefault("30s")
        Duration groupWait();

        /** How long an incident's fault must stay cleared before the incident resolves. */
        @WithDefault("5m")
        Duration resolveAfter();

        /** Alerts below this severity are recorded but open no incident. */
        @WithDefault("WARNING")
        AlertSeverity minSeverity();

        /** How often waiting alerts and cleared incidents are looked at. */
        @WithDefault("1s")
        Duration evaluationInterval();
    }

    interface Edge {
        /** How long machine events are kept (deduplication and record). */
        @WithDefault("30d")
        Duration retention();
    }

    interface Asset {
        /** The ERP resource (machine or line) the asset is. */
        String resourceId();

        Optional<String> workCenterId();

        /** The ERP plant a window hold is for; by default quality-service's. */
        Optional<String> plantId();

        /** The ERP cost centre downtime and maintenance costs go to. */
        String costCenter();
    }

    interface Fault {
        /** Spare parts, {@code <item>:<quantity>:<unit>} each. */
        Optional<List<String>> parts();

        /** The repair's estimated cost, posted to the ERP with the parts. */
        Optional<BigDecimal> estimatedCost();

        @WithDefault("EUR")
        String currency();

        /** The work request's priority; by default from the alert's severity. */
        Optional<WorkRequestPriority> priority();
    }
}
