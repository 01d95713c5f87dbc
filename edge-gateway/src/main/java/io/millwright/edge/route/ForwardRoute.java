package io.millwright.edge.route;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.millwright.edge.config.EdgeConfig;
import io.millwright.edge.forward.CloudEventMapper;
import io.millwright.edge.forward.UnforwardableEntryException;
import io.millwright.edge.status.EdgeMetrics;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalWriter;
import io.millwright.model.event.Topics;

/**
 * Journal to Kafka, one entry at a time, in journal order. The JMS consumer is transacted: an entry leaves the
 * journal only when the route completed, i.e. after Kafka acknowledged the record (acks=all, idempotent producer).
 * While Kafka is unreachable the same entry is retried in place with exponential backoff, so nothing behind it
 * overtakes it (per-source order) and the broker never redelivers out of order. Entries that can never be
 * forwarded go to {@link EmbeddedJournal#DEAD_LETTER} with the reason instead of blocking the journal.
 */
@ApplicationScoped
public class ForwardRoute extends RouteBuilder {

    public static final String ROUTE_ID = "edge-gateway.forward";
    public static final String DEAD_LETTER_REASON = "mw_dead_letter_reason";

    private final EdgeConfig config;
    private final EmbeddedJournal journal;

    ForwardRoute(EdgeConfig config, EmbeddedJournal journal) {
        this.config = config;
        this.journal = journal;
    }

    @Override
    public void configure() {
        journal.ensureStarted();
        EdgeConfig.Forward forward = config.forward();
        long sendTimeout = forward.sendTimeout().toMillis();

        onException(UnforwardableEntryException.class, IllegalArgumentException.class)
                .maximumRedeliveries(0)
                .handled(true)
                .log(LoggingLevel.ERROR, "Journal entry cannot be forwarded, dead-lettered: ${exception.message}")
                .setHeader(DEAD_LETTER_REASON, simple("${exception.message}"))
                .toF("jms:queue:%s?deliveryMode=2", EmbeddedJournal.DEAD_LETTER);

        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(-1)
                .redeliveryDelay(forward.initialBackoff().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(forward.maxBackoff().toMillis())
                .allowRedeliveryWhileStopping(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logRetryAttempted(true)
                .logStackTrace(false));

        fromF("jms:queue:%s?transacted=true&concurrentConsumers=1&maxConcurrentConsumers=1&cacheLevelName=CACHE_CONSUMER",
                EmbeddedJournal.OUTBOUND)
                .routeId(ROUTE_ID)
                // the mapper replaces the journal headers with the CloudEvents ones; keep the source for the metric
                .setProperty(EdgeMetrics.SOURCE_PROPERTY, header(JournalWriter.SOURCE))
                .bean(CloudEventMapper.class, "toKafkaRecord")
                .toF("kafka:%s?requestRequiredAcks=all&enableIdempotence=true&maxInFlightRequest=1&retries=2147483647"
                        + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"
                        + "&lingerMs=0&maxBlockMs=%d&deliveryTimeoutMs=%d&requestTimeoutMs=%d",
                        Topics.EDGE_TELEMETRY, sendTimeout, sendTimeout, Math.max(1000, sendTimeout / 2))
                .bean(EdgeMetrics.class, "recordForwarded");
    }
}
