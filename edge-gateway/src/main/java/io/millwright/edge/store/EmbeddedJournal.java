package io.millwright.edge.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.jboss.logging.Logger;

import io.millwright.edge.config.EdgeConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The gateway's store: an embedded Artemis broker with a persistent, fsync'ed journal under
 * {@code millwright.edge.data-dir} and only an in-VM acceptor (nothing listens on the network).
 *
 * <p>Queues: {@value #OUTBOUND} holds everything acquired and not yet acknowledged by Kafka;
 * {@value #SEQUENCES} is a last-value queue with one message per source holding its last assigned sequence
 * number; {@value #DEAD_LETTER} takes journal entries that can never be forwarded (unreadable), with the reason.
 */
@ApplicationScoped
public class EmbeddedJournal {

    public static final String OUTBOUND = "edge.outbound";
    public static final String SEQUENCES = "edge.sequence";
    public static final String DEAD_LETTER = "edge.dead-letter";
    public static final String IN_VM_URL = "vm://0";

    private static final Logger LOG = Logger.getLogger(EmbeddedJournal.class);

    private final Path dataDir;
    private EmbeddedActiveMQ server;

    EmbeddedJournal(EdgeConfig config) {
        this.dataDir = config.dataDir().toAbsolutePath();
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
            LOG.infof("Edge journal started in %s", dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the edge journal (embedded Artemis) in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public synchronized boolean isActive() {
        return server != null && server.getActiveMQServer().isActive();
    }

    /** Messages waiting to be forwarded. */
    public long backlog() {
        if (!isActive()) {
            return -1;
        }
        var queue = server.getActiveMQServer().locateQueue(OUTBOUND);
        return queue == null ? -1 : queue.getMessageCount();
    }

    /**
     * When the oldest entry still waiting to be forwarded was journaled (its message timestamp, set on append), or
     * empty when nothing waits. Cheap: the queue's head plus the first entry each consumer holds in delivery (the
     * forwarder's current entry and its prefetched ones are "delivering", not at the head, until acknowledged;
     * a rolled-back entry goes back to the head).
     */
    public Optional<Instant> oldestEntry() {
        if (!isActive()) {
            return Optional.empty();
        }
        Queue queue = server.getActiveMQServer().locateQueue(OUTBOUND);
        if (queue == null) {
            return Optional.empty();
        }
        long oldest = Long.MAX_VALUE;
        MessageReference head = queue.peekFirstMessage();
        if (head != null) {
            oldest = timestamp(head, oldest);
        }
        for (List<MessageReference> delivering : queue.getDeliveringMessages().values()) {
            if (!delivering.isEmpty()) {
                oldest = timestamp(delivering.get(0), oldest);
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
        config.addAddressSetting("edge.#", new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(0)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER))
                .setExpiryAddress(SimpleString.of(DEAD_LETTER))
                .setAutoCreateQueues(false)
                .setAutoCreateAddresses(false));
        config.addQueueConfiguration(QueueConfiguration.of(OUTBOUND).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        config.addQueueConfiguration(QueueConfiguration.of(SEQUENCES).setRoutingType(RoutingType.ANYCAST).setDurable(true)
                .setLastValue(true));
        config.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        return config;
    }
}
