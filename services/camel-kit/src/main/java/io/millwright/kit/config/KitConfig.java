package io.millwright.kit.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

/** Settings shared by every service that uses the kit (prefix {@code millwright.kit}). */
@ConfigMapping(prefix = "millwright.kit")
public interface KitConfig {

    /** Short service name; CloudEvents source is {@code urn:millwright:<service-name>}. */
    String serviceName();

    Errors errors();

    Outbox outbox();

    /**
     * The external systems the service calls, by name ({@code erp}, {@code mes}, {@code wms}, {@code crm},
     * {@code inventory}, ...): where they are and how much patience and parallelism they get. Defined once per
     * target; every call to it (work queues and synchronous calls alike) uses these values.
     */
    @WithDefaults
    Map<String, Target> targets();

    /**
     * Per-client rate limits of the ingress operations ({@code @RateLimited("<name>")}), by name: how many requests
     * one client may send within the window, and per-client exceptions.
     */
    @WithDefaults
    Map<String, RateLimit> rateLimits();

    /** The credentials the ERP presents when it calls this service back over SOAP (HTTP Basic over TLS). */
    ErpCallback erpCallback();

    interface ErpCallback {
        Optional<String> username();

        Optional<String> password();
    }

    /**
     * How the service connects to Kafka: its own principal (a SCRAM user) over {@code SASL_SSL}, with the trust and
     * key stores of the broker's TLS; the kit maps these onto camel-kafka's settings. See docs/security.md.
     */
    Kafka kafka();

    interface Kafka {
        /** The SCRAM user; its rules are in {@code io.millwright.model.event.KafkaAccess}. Default: the application name. */
        String principal();

        /** {@code SASL_SSL} for packaged services, {@code PLAINTEXT} in dev mode. */
        String securityProtocol();

        Optional<String> password();

        /** PKCS12 trust store with the broker's CA. */
        Optional<String> truststore();

        Optional<String> truststorePassword();

        /** PKCS12 key store with the service's client certificate, where the broker asks for one (mutual TLS). */
        Optional<String> keystore();

        Optional<String> keystorePassword();
    }

    /**
     * Webhooks other systems send to this service (e.g. {@code qms}), by source: the shared secret their
     * {@code Millwright-Signature} is checked with and how old a delivery may be.
     */
    @WithDefaults
    Map<String, IncomingWebhook> webhooks();

    /** Durable work queues by name, e.g. {@code order.erp-sales-order}. */
    @WithDefaults
    Map<String, WorkQueue> workQueues();

    interface Errors {
        /** Redeliveries before a message goes to the dead-letter store. */
        @WithDefault("5")
        int maxRedeliveries();

        @WithDefault("500ms")
        Duration redeliveryDelay();

        @WithDefault("2.0")
        double backoffMultiplier();

        @WithDefault("30s")
        Duration maxRedeliveryDelay();
    }

    interface Outbox {
        @WithDefault("true")
        boolean enabled();

        /** Safety net only: a committed event is relayed right after its transaction commits. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();
    }

    interface Target {
        /** Base URL (REST) or endpoint address (SOAP). */
        Optional<String> url();

        @WithDefault("2s")
        Duration connectTimeout();

        /** How long one call may take (HTTP read / SOAP receive timeout); the call ends itself, nobody interrupts it. */
        @WithDefault("5s")
        Duration timeout();

        /**
         * Calls carry this service's own access token (OAuth 2.0 client credentials of {@code quarkus.oidc-client}):
         * for targets that are Millwright services themselves.
         */
        @WithDefault("false")
        boolean bearerToken();

        /**
         * The shared secret of a webhook target: every delivery carries a {@code Millwright-Signature} (HMAC-SHA256
         * with timestamp and delivery id) made with it. From the environment, never from the repository.
         */
        Optional<String> signingSecret();

        /** HTTP Basic credentials sent on every call (the ERP's SOAP user), from the environment. */
        Optional<String> username();

        Optional<String> password();

        /** Synchronous calls in flight at once from this instance; more are refused at once (a bulkhead). */
        @WithDefault("64")
        int maxConcurrentCalls();

        CircuitBreaker circuitBreaker();

        Retry retry();

        interface CircuitBreaker {
            @WithDefault("true")
            boolean enabled();

            /** Calls looked at before the breaker may open. */
            @WithDefault("10")
            int requestVolumeThreshold();

            @WithDefault("0.5")
            double failureRatio();

            /** How long an open breaker refuses calls before it lets a trial call through. */
            @WithDefault("10s")
            Duration delay();

            @WithDefault("1")
            int successThreshold();
        }

        /** In-line retries of a synchronous call; work queues retry durably instead and keep this at 0. */
        interface Retry {
            @WithDefault("0")
            int maxRetries();

            @WithDefault("200ms")
            Duration delay();

            @WithDefault("100ms")
            Duration jitter();
        }
    }

    interface IncomingWebhook {
        Optional<String> secret();

        /** How far a delivery's signing time may be from this service's clock, either way; ids are remembered as long. */
        @WithDefault("5m")
        Duration window();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests one client may send within {@link #window()}. */
        @WithDefault("500")
        int limit();

        @WithDefault("1s")
        Duration window();

        /** Limits of particular clients (by OAuth 2.0 client id), e.g. a bulk loader allowed more. */
        @WithDefaults
        Map<String, Client> clients();

        interface Client {
            OptionalInt limit();
        }
    }

    interface WorkQueue {
        /** Items this instance works on at once: the bulkhead towards the queue's target (one queue per ERP operation). */
        @WithDefault("4")
        int concurrency();

        /** How long a claimed item stays invisible to others; a crashed instance's items come back after it. */
        @WithDefault("60s")
        Duration lease();

        /** Safety net only: work is picked up right after the transaction that created it commits. */
        @WithDefault("1s")
        Duration pollInterval();

        Backoff backoff();

        /** Attempts before the item is dead-lettered; empty = keep trying (an ERP posting must never be dropped). */
        OptionalInt maxAttempts();

        @WithDefault("true")
        boolean enabled();

        interface Backoff {
            @WithDefault("1s")
            Duration initial();

            @WithDefault("60s")
            Duration max();

            @WithDefault("2.0")
            double multiplier();

            /** Each pause is varied by up to this fraction either way, so retries of many items spread out. */
            @WithDefault("0.2")
            double jitter();
        }
    }
}
