package io.millwright.kit.workqueue;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.config.KitConfig;
import io.millwright.kit.deadletter.DeadLetterStore;

/**
 * The Camel component {@code workqueue:<queue>}: as a consumer it works the queue's items (see
 * {@link WorkQueueConsumer}); as a producer it enqueues the message (key in {@link WorkQueues#KEY_HEADER}) in the
 * current transaction, which is how a replayed dead letter returns to its queue. Settings come from
 * {@code millwright.kit.work-queues.<queue>}.
 */
@ApplicationScoped
@Named("workqueue")
public class WorkQueueComponent extends DefaultComponent {

    @Inject
    WorkQueues queues;

    @Inject
    WorkItemStore store;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    KitConfig config;

    @Inject
    MeterRegistry registry;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("A work queue endpoint needs a queue name: workqueue:<queue>");
        }
        return new WorkQueueEndpoint(uri, this, remaining);
    }
}
