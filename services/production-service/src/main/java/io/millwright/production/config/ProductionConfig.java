package io.millwright.production.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    interface Mes {
        /** Base URL of the MES; work orders go to {@code {url}/mes/api/v1/work-orders}. */
        String url();

        /** A dispatched work order not acknowledged by the MES within this time counts as unacknowledged. */
        @WithDefault("PT15M")
        Duration ackTimeout();

        @WithDefault("2000")
        long connectTimeoutMs();

        @WithDefault("10000")
        long requestTimeoutMs();

        @WithDefault("1000")
        long dispatchIntervalMs();

        @WithDefault("60")
        long maxBackoffSeconds();

        @WithDefault("20")
        int batchSize();
    }

    interface Confirmation {
        /** Completions may exceed an operation's planned quantity by this fraction in total (0.10 = 10 %). */
        @WithDefault("0.10")
        BigDecimal overDeliveryTolerance();

        @WithDefault("1000")
        long intervalMs();

        @WithDefault("60")
        long maxBackoffSeconds();

        @WithDefault("50")
        int batchSize();
    }

    interface Reconciliation {
        @WithDefault("300000")
        long intervalMs();

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
