package io.millwright.edge.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;
import jakarta.jms.Connection;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.jboss.logging.Logger;

import io.millwright.edge.config.TagClass;
import io.millwright.edge.processing.JournalEntry;
import io.millwright.edge.metrics.EdgeMetricsSink;
import io.millwright.model.common.ModelJson;
import io.millwright.model.edge.SourceSequenced;

/**
 * Numbers readings per source and appends them to the journal. One JMS transaction per call holds the samples and
 * each touched source's new last sequence number (in the last-value queue {@link EmbeddedJournal#SEQUENCES}), so a
 * sequence number is persisted exactly when the sample carrying it is: after a crash numbering resumes without
 * gap or reuse. {@link #append} returns only after the commit is on disk (journal sync).
 */
@Unremovable
@ApplicationScoped
public class JournalWriter {

    /** Message properties the forwarder reads. */
    public static final String SOURCE = "mw_source";
    public static final String SEQUENCE = "mw_sequence";
    public static final String TAG_CLASS = "mw_class";
    public static final String CONNECTION = "mw_connection";
    public static final String PLANT = "mw_plant";
    /** The body's format, {@link JournalLines#FORMAT}; {@link #SEQUENCE} is the first entry's number. */
    public static final String FORMAT = "mw_format";
    public static final String COUNT = "mw_count";
    private static final String LAST_VALUE_KEY = "_AMQ_LVQ_NAME";
    /**
     * Entries per journal message at most: a scan of a very large group is split, so a message stays a plain
     * journal record (a few hundred KB) instead of becoming an Artemis large message, which is far slower to read.
     */
    static final int MAX_ENTRIES_PER_MESSAGE = 1000;

    private static final Logger LOG = Logger.getLogger(JournalWriter.class);

    private final EmbeddedJournal journal;
    private final ConnectionFactory connectionFactory;
    private final EdgeMetricsSink metrics;
    private final StoreBudget budget;
    private final Map<String, Long> lastSequence = new HashMap<>();

    private Connection connection;
    private Session session;
    private MessageProducer producer;
    private Queue outbound;
    private Queue events;
    private Queue sequences;

    JournalWriter(EmbeddedJournal journal, ConnectionFactory connectionFactory, EdgeMetricsSink metrics, StoreBudget budget) {
        this.journal = journal;
        this.connectionFactory = connectionFactory;
        this.metrics = metrics;
        this.budget = budget;
    }

    /** Durable once this returns; on failure nothing of the batch is kept and the numbering is unchanged. */
    public synchronized List<SourceSequenced> append(List<JournalEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            return List.of();
        }
        Map<String, Long> before = new HashMap<>();
        List<SourceSequenced> written;
        try {
            open();
            budget.makeRoom();
            Map<String, Long> touched = new LinkedHashMap<>();
            written = new ArrayList<>(entries.size());
            for (List<JournalEntry> part : messages(entries)) {
                String source = part.get(0).sourceId();
                before.putIfAbsent(source, lastSequence.getOrDefault(source, 0L));
                touched.put(source, send(part, written));
            }
            for (Map.Entry<String, Long> entry : touched.entrySet()) {
                Message marker = session.createMessage();
                marker.setStringProperty(LAST_VALUE_KEY, entry.getKey());
                marker.setLongProperty(SEQUENCE, entry.getValue());
                producer.send(sequences, marker, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            }
            session.commit();
        } catch (JMSException | RuntimeException e) {
            lastSequence.putAll(before);
            rollbackAndClose();
            throw new IllegalStateException("Cannot append " + entries.size() + " entries to the edge journal: " + e.getMessage(), e);
        }
        journal.entriesAppended(entries.size());
        countAcquired(entries);
        return written;
    }

    /**
     * The journal messages of one append: one per source and class, so the entries of one scan travel together,
     * in acquisition order, each of at most {@link #MAX_ENTRIES_PER_MESSAGE} entries.
     */
    static List<List<JournalEntry>> messages(List<JournalEntry> entries) {
        Map<String, List<JournalEntry>> groups = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            groups.computeIfAbsent(entry.sourceId() + '|' + entry.droppable() + '|' + entry.isMachineEvent(),
                    k -> new ArrayList<>()).add(entry);
        }
        List<List<JournalEntry>> messages = new ArrayList<>();
        for (List<JournalEntry> group : groups.values()) {
            for (int from = 0; from < group.size(); from += MAX_ENTRIES_PER_MESSAGE) {
                messages.add(group.subList(from, Math.min(group.size(), from + MAX_ENTRIES_PER_MESSAGE)));
            }
        }
        return messages;
    }

    /** Numbers the entries of one source and sends them as one message; returns the last sequence number. */
    private long send(List<JournalEntry> part, List<SourceSequenced> written) throws JMSException {
        JournalEntry first = part.get(0);
        String source = first.sourceId();
        ByteArrayOutputStream body = new ByteArrayOutputStream(part.size() * 300);
        long firstSequence = 0;
        long sequence = 0;
        String plantId = null;
        for (JournalEntry entry : part) {
            sequence = lastSequence.merge(source, 1L, Long::sum);
            if (firstSequence == 0) {
                firstSequence = sequence;
            }
            SourceSequenced payload = entry.payload().apply(sequence);
            plantId = payload.plantId();
            JournalLines.append(body, entry.type(), sequence, JournalEntry.occurredAt(payload).toEpochMilli(), json(payload));
            written.add(payload);
        }
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body.toByteArray());
        message.setStringProperty(FORMAT, JournalLines.FORMAT);
        message.setStringProperty(SOURCE, source);
        message.setStringProperty(CONNECTION, first.connectionId());
        message.setStringProperty(PLANT, plantId);
        message.setLongProperty(SEQUENCE, firstSequence);
        message.setIntProperty(COUNT, part.size());
        message.setStringProperty(TAG_CLASS, first.droppable() ? TagClass.TELEMETRY.name() : TagClass.EVENT.name());
        producer.send(first.isMachineEvent() ? events : outbound, message, DeliveryMode.PERSISTENT,
                Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
        return sequence;
    }

    private void countAcquired(List<JournalEntry> entries) {
        Map<String, Integer> perConnection = new HashMap<>();
        for (JournalEntry entry : entries) {
            perConnection.merge(entry.connectionId(), 1, Integer::sum);
        }
        perConnection.forEach(metrics::acquired);
    }

    /** The last sequence number assigned to {@code source} (0 if none yet). */
    public synchronized long lastSequence(String source) {
        try {
            open();
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot open the edge journal", e);
        }
        return lastSequence.getOrDefault(source, 0L);
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.debug("Closing the journal writer's connection failed", e);
            }
            connection = null;
        }
    }

    private void open() throws JMSException {
        if (connection != null) {
            return;
        }
        journal.ensureStarted();
        connection = connectionFactory.createConnection();
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        outbound = session.createQueue(EmbeddedJournal.OUTBOUND);
        events = session.createQueue(EmbeddedJournal.EVENTS);
        sequences = session.createQueue(EmbeddedJournal.SEQUENCES);
        producer = session.createProducer(null);
        connection.start();
        loadSequences();
    }

    private void loadSequences() throws JMSException {
        lastSequence.clear();
        try (QueueBrowser browser = session.createBrowser(sequences)) {
            Enumeration<?> markers = browser.getEnumeration();
            while (markers.hasMoreElements()) {
                Message marker = (Message) markers.nextElement();
                lastSequence.merge(marker.getStringProperty(LAST_VALUE_KEY), marker.getLongProperty(SEQUENCE), Math::max);
            }
        }
        LOG.infof("Edge journal sequence numbers resumed: %s", lastSequence);
    }

    private void rollbackAndClose() {
        try {
            if (session != null) {
                session.rollback();
            }
        } catch (JMSException e) {
            LOG.debug("Rollback failed", e);
        }
        close();
    }

    private static byte[] json(Object value) {
        try {
            return ModelJson.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
