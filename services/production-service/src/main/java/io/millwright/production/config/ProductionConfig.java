package io.millwright.production.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * production-service's own settings (prefix {@code millwright.production}). The ERP and the MES are configured once
 * per target under {@code millwright.kit.targets}; the work queues under {@code millwright.kit.work-queues}.
 */
@ConfigMapping(prefix = "millwright.production")
public interface ProductionConfig {

    /** The plant's time zone: shifts are local times there. */
    @WithDefault("Europe/Berlin")
    String plantZone();

    /** Shift name → local start time (HH:mm); each shift ends where the next one starts, the last one wraps to the first. */
    Map<String, String> shifts();

    Mes mes();

    Confirmation confirmation();

    Reconciliation reconciliation();

    /** The MES's address and timeouts are the {@code mes} target's ({@code millwright.kit.targets.mes}). */
    interface Mes {
        /** A dispatched work order not acknowledged by the MES within this time counts as unacknowledged. */
        @WithDefault("15m")
        Duration ackTimeout();
    }

    interface Confirmation {
        /** Completions may exceed an operation's planned quantity by this fraction in total (0.10 = 10 %). */
        @WithDefault("0.10")
        BigDecimal overDeliveryTolerance();
    }

    interface Reconciliation {
        @WithDefault("5m")
        Duration interval();

        /** How far back the first poll looks when there is no earlier poll. */
        @WithDefault("P7D")
        Duration initialLookback();

        /** Each poll asks from the previous poll's start minus this overlap, for clock skew between ERP and us. */
        @WithDefault("PT10M")
        Duration overlap();

        /** Plant to ask ERP for; empty = all plants. */
        java.util.Optional<String> plant();
    }
}
