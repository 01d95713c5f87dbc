package io.millwright.edge.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.jboss.logging.Logger;

import io.millwright.edge.config.EdgeConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The gateway's store: an embedded Artemis broker with a persistent, fsync'ed journal under
 * {@code millwright.edge.data-dir} and only an in-VM acceptor (nothing listens on the network).
 *
 * <p>Queues: {@value #OUTBOUND} holds telemetry (samples, aggregates) acquired and not yet acknowledged by Kafka,
 * {@value #EVENTS} the machine events (state changes, alerts), forwarded in their own lane;
 * {@value #SEQUENCES} is a last-value queue with one message per source holding its last assigned sequence
 * number; {@value #DEAD_LETTER} takes journal entries that can never be forwarded (unreadable), with the reason.
 */
@ApplicationScoped
public class EmbeddedJournal {

    public static final String OUTBOUND = "edge.outbound";
    public static final String EVENTS = "edge.outbound.events";
    public static final String SEQUENCES = "edge.sequence";
    public static final String DEAD_LETTER = "edge.dead-letter";
    public static final String IN_VM_URL = "vm://0";

    private static final Logger LOG = Logger.getLogger(EmbeddedJournal.class);

    private final Path dataDir;
    private final long memoryBytes;
    private static final int PAGE_BYTES = 2 * 1024 * 1024;
    private final java.util.concurrent.atomic.AtomicLong waitingEntries = new java.util.concurrent.atomic.AtomicLong();
    private EmbeddedActiveMQ server;

    EmbeddedJournal(EdgeConfig config) {
        this.dataDir = config.dataDir().toAbsolutePath();
        this.memoryBytes = config.store().memoryBytes();
    }

    /** Starts with the application even when nothing has touched the bean yet. */
    void onStart(@Observes StartupEvent event) {
        ensureStarted();
    }

    /** Idempotent; every user of the JMS connection factory calls it first. */
    public synchronized void ensureStarted() {
        if (server != null) {
            return;
        }
        try {
            EmbeddedActiveMQ embedded = new EmbeddedActiveMQ().setConfiguration(configuration());
            embedded.start();
            server = embedded;
            waitingEntries.set(countWaitingEntries());
            LOG.infof("Edge journal started in %s with %d entries waiting", dataDir, waitingEntries.get());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the edge journal (embedded Artemis) in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public synchronized boolean isActive() {
        return server != null && server.getActiveMQServer().isActive();
    }

    /**
     * Entries (samples, aggregates, events) waiting to be forwarded, both lanes; -1 while the journal is down.
     * Counted at start-up from the journal, then kept up to date by the writer, the forwarder and the budget.
     */
    public long backlog() {
        return isActive() ? Math.max(0, waitingEntries.get()) : -1;
    }

    public void entriesAppended(long count) {
        waitingEntries.addAndGet(count);
    }

    public void entriesRemoved(long count) {
        waitingEntries.addAndGet(-count);
    }

    /** Journal messages (each holds the entries of one source from one scan) waiting in one lane; -1 while down. */
    public long backlog(String lane) {
        Queue queue = queue(lane);
        return queue == null ? -1 : queue.getMessageCount();
    }

    /** Entries waiting in one lane, counted by browsing it (for the small events lane and for tests). */
    public long waitingEntries(String lane) {
        Queue queue = queue(lane);
        if (queue == null) {
            return -1;
        }
        long total = 0;
        try (var iterator = queue.browserIterator()) {
            while (iterator.hasNext()) {
                total += entries(iterator.next());
            }
        }
        for (List<MessageReference> delivering : queue.getDeliveringMessages().values()) {
            for (MessageReference reference : delivering) {
                total += entries(reference);
            }
        }
        return total;
    }

    /** Bytes of the messages waiting in both lanes (what the disk budget limits); -1 while the journal is down. */
    public long storedBytes() {
        Queue telemetry = queue(OUTBOUND);
        Queue events = queue(EVENTS);
        return telemetry == null || events == null ? -1 : telemetry.getPersistentSize() + events.getPersistentSize();
    }

    /**
     * Deletes the oldest droppable telemetry entries (journal order, skipping EVENT-class samples) until at least
     * {@code bytes} are freed or none is left; entries the forwarder holds in delivery are not touched.
     *
     * @return what was dropped
     */
    public Dropped dropOldestTelemetry(long bytes, String classProperty, String droppableClass) throws Exception {
        Queue queue = queue(OUTBOUND);
        if (queue == null || bytes <= 0) {
            return new Dropped(0, 0);
        }
        Map<Long, long[]> candidates = new java.util.LinkedHashMap<>();
        long freed = 0;
        try (var iterator = queue.browserIterator()) {
            while (freed < bytes && iterator.hasNext()) {
                MessageReference reference = iterator.next();
                Object tagClass = reference.getMessage().getObjectProperty(SimpleString.of(classProperty));
                if (tagClass != null && droppableClass.equals(tagClass.toString())) {
                    long size = reference.getPersistentSize();
                    candidates.put(reference.getMessageID(), new long[] {entries(reference), size});
                    freed += size;
                }
            }
        }
        long entries = 0;
        long deletedBytes = 0;
        for (Map.Entry<Long, long[]> candidate : candidates.entrySet()) {
            if (queue.deleteReference(candidate.getKey())) {
                entries += candidate.getValue()[0];
                deletedBytes += candidate.getValue()[1];
            }
        }
        entriesRemoved(entries);
        return new Dropped(entries, deletedBytes);
    }

    /** Entries and (approximate) bytes removed by the disk budget. */
    public record Dropped(long entries, long bytes) {
    }

    private long countWaitingEntries() {
        long total = 0;
        for (String lane : List.of(OUTBOUND, EVENTS)) {
            Queue queue = server.getActiveMQServer().locateQueue(lane);
            if (queue == null) {
                continue;
            }
            try (var iterator = queue.browserIterator()) {
                while (iterator.hasNext()) {
                    total += entries(iterator.next());
                }
            } catch (Exception e) {
                LOG.warnf("Counting the waiting entries of %s failed (%s); counting messages instead", lane, e.getMessage());
                total += queue.getMessageCount();
            }
        }
        return total;
    }

    /** A message holds {@code mw_count} entries ({@link JournalWriter#COUNT}); one without it counts as one. */
    private static long entries(MessageReference reference) {
        Object count = reference.getMessage().getObjectProperty(SimpleString.of(JournalWriter.COUNT));
        return count instanceof Number n ? n.longValue() : 1;
    }

    Queue queue(String name) {
        if (!isActive()) {
            return null;
        }
        return server.getActiveMQServer().locateQueue(name);
    }

    /** Artemis' own operations on a queue (move, remove), whether or not JMX is on; null while the journal is down. */
    QueueControl queueControl(String name) {
        if (!isActive()) {
            return null;
        }
        return (QueueControl) server.getActiveMQServer().getManagementService().getResource(ResourceNames.QUEUE + name);
    }

    /**
     * When the oldest entry still waiting to be forwarded was journaled (its message timestamp, set on append), or
     * empty when nothing waits. Cheap: the queue's head plus the first entry each consumer holds in delivery (the
     * forwarder's current entry and its prefetched ones are "delivering", not at the head, until acknowledged;
     * a rolled-back entry goes back to the head).
     */
    public Optional<Instant> oldestEntry() {
        long oldest = Long.MAX_VALUE;
        for (String lane : List.of(OUTBOUND, EVENTS)) {
            Queue queue = queue(lane);
            if (queue == null) {
                continue;
            }
            MessageReference head = queue.peekFirstMessage();
            if (head != null) {
                oldest = timestamp(head, oldest);
            }
            for (List<MessageReference> delivering : queue.getDeliveringMessages().values()) {
                if (!delivering.isEmpty()) {
                    oldest = timestamp(delivering.get(0), oldest);
                }
            }
        }
        return oldest == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
    }

    private static long timestamp(MessageReference reference, long oldest) {
        long timestamp = reference.getMessage().getTimestamp();
        return timestamp > 0 ? Math.min(oldest, timestamp) : oldest;
    }

    /** Names of the broker's running acceptors; only {@code in-vm} by design. */
    public synchronized Set<String> acceptors() {
        return server == null ? Set.of() : Set.copyOf(server.getActiveMQServer().getRemotingService().getAcceptors().keySet());
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("Edge journal did not stop cleanly", e);
            }
            server = null;
        }
    }

    private Configuration configuration() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("millwright-edge")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                // NIO, not libaio: works on every plant box without the native library; fsync per commit either way
                .setJournalType(JournalType.NIO)
                .setJournalDatasync(true)
                .setJournalSyncTransactional(true)
                .setJournalSyncNonTransactional(true)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDir.toString());
        config.addAcceptorConfiguration("in-vm", IN_VM_URL);
        // Forwarding retries in place (ordered); the broker itself must never give up on or delay a message.
        // Beyond memoryBytes per address, messages wait in page files on disk, so a long outage costs disk, not heap.
        // Page files are small and read a few MB at a time, so draining a backlog does not pull pages into the heap.
        config.addAddressSetting("edge.#", new AddressSettings()
                .setMaxSizeBytes(memoryBytes)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setPageSizeBytes(PAGE_BYTES)
                .setMaxReadPageBytes(4 * PAGE_BYTES)
                .setPrefetchPageBytes(2 * PAGE_BYTES)
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(0)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER))
                .setExpiryAddress(SimpleString.of(DEAD_LETTER))
                .setAutoCreateQueues(false)
                .setAutoCreateAddresses(false));
        config.addQueueConfiguration(QueueConfiguration.of(OUTBOUND).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        config.addQueueConfiguration(QueueConfiguration.of(EVENTS).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        config.addQueueConfiguration(QueueConfiguration.of(SEQUENCES).setRoutingType(RoutingType.ANYCAST).setDurable(true)
                .setLastValue(true));
        config.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        return config;
    }
}
