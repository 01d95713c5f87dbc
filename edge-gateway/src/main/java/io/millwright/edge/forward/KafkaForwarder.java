package io.millwright.edge.forward;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import io.millwright.edge.config.EdgeConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.metrics.EdgeMetricsSink;
import io.millwright.edge.store.DeadLetterQueue;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalLines;
import io.millwright.edge.store.JournalWriter;
import io.quarkus.runtime.StartupEvent;

/**
 * Journal to Kafka, in two lanes with one thread each: telemetry ({@link EmbeddedJournal#OUTBOUND}) and machine
 * events ({@link EmbeddedJournal#EVENTS}), so a state change or alert is never stuck behind a telemetry backlog.
 *
 * <p>Per lane, in a loop: take up to {@code batch-size} entries in one JMS transaction (journal order), send them
 * all (acks=all, idempotent producer), wait until Kafka acknowledged every one, then commit — only then do they
 * leave the journal. While Kafka is unreachable the records stay queued in the producer, which retries them in
 * order and never expires them (an expired record followed by a delivered one would reorder the stream); the
 * lane keeps waiting and reports the link down. A non-retriable send error rolls the transaction back, discards
 * the producer (aborting whatever it still held) and sends the same entries again, in the same order, after a
 * backoff (at-least-once; the cloud side dedupes on the per-source sequence number). An
 * entry that can never become a valid event moves to {@link EmbeddedJournal#DEAD_LETTER} with the reason in the
 * same transaction instead of blocking the lane. The telemetry lane can be paced ({@code max-rate}) so that
 * draining a backlog after an outage does not saturate the WAN link.
 */
@ApplicationScoped
public class KafkaForwarder {

    private static final Logger LOG = Logger.getLogger(KafkaForwarder.class);

    private final EdgeConfig config;
    private final EmbeddedJournal journal;
    private final ConnectionFactory connectionFactory;
    private final EdgeMetricsSink metrics;
    private final String plantId;
    private final List<Lane> lanes = new ArrayList<>();
    private volatile LinkState link = new LinkState(false, null, null, "not connected yet");

    KafkaForwarder(EdgeConfig config, EmbeddedJournal journal, ConnectionFactory connectionFactory, EdgeMetricsSink metrics, PlantConfig plant) {
        this.config = config;
        this.journal = journal;
        this.connectionFactory = connectionFactory;
        this.metrics = metrics;
        this.plantId = plant.plantId();
    }

    void start(@Observes StartupEvent event) {
        journal.ensureStarted();
        lanes.add(new Lane("events", EmbeddedJournal.EVENTS, 0));
        lanes.add(new Lane("telemetry", EmbeddedJournal.OUTBOUND, config.forward().maxRate()));
        lanes.forEach(Lane::start);
    }

    @PreDestroy
    void stop() {
        lanes.forEach(Lane::halt);
        for (Lane lane : lanes) {
            try {
                lane.thread.join(config.forward().sendTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // anything unacknowledged is still in the journal and is sent again after the restart
        lanes.forEach(Lane::discardProducer);
    }

    /** Whether the last send to Kafka succeeded, when, and the last error. */
    public LinkState link() {
        return link;
    }

    public record LinkState(boolean up, Instant lastSuccess, Instant lastFailure, String lastError) {
    }

    private void succeeded() {
        LinkState current = link;
        if (!current.up()) {
            LOG.infof("Cloud link up: forwarding to Kafka at %s", config.kafka().bootstrapServers());
        }
        // "not connected yet" is no error once connected; a real last error stays on record
        link = new LinkState(true, Instant.now(), current.lastFailure(), current.lastFailure() == null ? null : current.lastError());
        metrics.cloudLinkUp(true);
    }

    private void failed(String lane, Exception e) {
        LinkState current = link;
        String error = rootMessage(e);
        if (current.up()) {
            LOG.warnf("Cloud link down (%s lane): %s; entries stay in the journal and are retried", lane, error);
        }
        link = new LinkState(false, current.lastSuccess(), Instant.now(), error);
        metrics.cloudLinkUp(false);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private final class Lane implements Runnable {
        final String name;
        final String queue;
        final long nanosPerRecord;
        final Thread thread;
        volatile boolean running = true;
        long nextSendNanos = System.nanoTime();
        long pendingRemoval;
        long batchEntries;
        /** Each lane has its own producer, so an error in one lane never aborts the other's batch. */
        Producer<String, byte[]> producer;

        Producer<String, byte[]> producer() {
            if (producer == null) {
                producer = new KafkaProducer<>(KafkaSettings.producerProperties(config.kafka(), config.forward().sendTimeout(),
                        "millwright-edge-" + plantId + "-" + name));
            }
            return producer;
        }

        /** After a non-retriable error: abort whatever the producer still holds; the next batch gets a new one. */
        void discardProducer() {
            Producer<String, byte[]> failed = producer;
            producer = null;
            if (failed != null) {
                failed.close(Duration.ZERO);
            }
        }
        Connection connection;
        Session session;
        MessageConsumer consumer;
        MessageProducer deadLetters;

        Lane(String name, String queue, int maxRate) {
            this.name = name;
            this.queue = queue;
            this.nanosPerRecord = maxRate > 0 ? TimeUnit.SECONDS.toNanos(1) / maxRate : 0;
            this.thread = new Thread(this, "edge-forward-" + name);
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void halt() {
            running = false;
        }

        @Override
        public void run() {
            long backoff = config.forward().initialBackoff().toMillis();
            while (running) {
                try {
                    open();
                    List<Message> batch = receiveBatch();
                    if (batch.isEmpty()) {
                        continue;
                    }
                    pace(batchEntries);
                    forward(batch);
                    session.commit();
                    journal.entriesRemoved(pendingRemoval);
                    succeeded();
                    backoff = config.forward().initialBackoff().toMillis();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    rollback();
                    return;
                } catch (Exception e) {
                    rollback();
                    if (!running) {
                        return;
                    }
                    failed(name, e);
                    LOG.debugf(e, "Forwarding failed in the %s lane; retrying in %d ms", name, backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, config.forward().maxBackoff().toMillis());
                }
            }
            close();
        }

        /** Journal messages until they hold about {@code batch-size} entries (a message holds one scan of a source). */
        private List<Message> receiveBatch() throws JMSException {
            List<Message> batch = new ArrayList<>();
            Message first = consumer.receive(250);
            if (first == null) {
                return batch;
            }
            batch.add(first);
            long entries = entries(first);
            int max = config.forward().batchSize();
            Message next;
            while (entries < max && (next = consumer.receiveNoWait()) != null) {
                batch.add(next);
                entries += entries(next);
            }
            batchEntries = entries;
            return batch;
        }

        private static long entries(Message message) throws JMSException {
            return message.propertyExists(JournalWriter.COUNT) ? message.getIntProperty(JournalWriter.COUNT) : 1;
        }

        /** Sends the batch and waits for every acknowledgement; throws if any record was not acknowledged. */
        private void forward(List<Message> batch) throws Exception {
            Producer<String, byte[]> currentProducer = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size() * 64);
            Map<String, Integer> perConnection = new LinkedHashMap<>();
            long removed = 0;
            for (Message message : batch) {
                List<ProducerRecord<String, byte[]>> records;
                try {
                    records = records(message);
                } catch (UnforwardableEntryException e) {
                    deadLetter(message, e.getMessage());
                    removed += entries(message);
                    continue;
                }
                for (ProducerRecord<String, byte[]> record : records) {
                    Future<RecordMetadata> ack;
                    try {
                        ack = currentProducer.send(record);
                    } catch (KafkaException unusable) {
                        // the producer itself failed (e.g. its idempotent session died on an authentication error)
                        settleThenDiscardProducer(acks);
                        throw unusable;
                    }
                    if (ack.isDone()) {
                        // refused before it was queued: send nothing after it, or later records could land before
                        // this one is sent again
                        try {
                            ack.get();
                        } catch (ExecutionException refused) {
                            if (!(refused.getCause() instanceof RetriableException)) {
                                // e.g. credentials or certificate refused: a new producer logs in afresh on the retry;
                                // a retriable refusal (no metadata while Kafka is down) keeps the producer
                                settleThenDiscardProducer(acks);
                            }
                            throw new IllegalStateException("Kafka refused the send: " + rootMessage(refused), refused);
                        }
                    }
                    acks.add(ack);
                }
                removed += records.size();
                perConnection.merge(String.valueOf(message.getStringProperty(JournalWriter.CONNECTION)), records.size(), Integer::sum);
            }
            try {
                for (Future<RecordMetadata> ack : acks) {
                    awaitAcknowledged(ack);
                }
            } catch (ExecutionException e) {
                LOG.warnf("Kafka refused a record in the %s lane (%s); the batch is sent again with a new producer",
                        name, rootMessage(e));
                settleThenDiscardProducer(acks);
                throw e;
            }
            perConnection.forEach(metrics::forwarded);
            pendingRemoval = removed;
        }

        /** Lets what was sent of the batch settle before aborting, so nothing of it lands after the resend. */
        private void settleThenDiscardProducer(List<Future<RecordMetadata>> sent) throws InterruptedException {
            long deadline = System.nanoTime() + config.forward().sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : sent) {
                try {
                    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException ignored) {
                    // settled as failed, or still pending: aborted with the producer
                }
            }
            discardProducer();
        }

        /** One record per entry; a message that cannot be read as a whole is unforwardable as a whole. */
        private List<ProducerRecord<String, byte[]>> records(Message message) throws JMSException {
            String format = message.getStringProperty(JournalWriter.FORMAT);
            if (!JournalLines.FORMAT.equals(format) || !(message instanceof BytesMessage bytes)) {
                throw new UnforwardableEntryException(format == null ? "journal message without a format (" + JournalWriter.FORMAT + ")"
                        : "journal message in unknown format " + format);
            }
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            List<JournalLines.Line> lines;
            try {
                lines = JournalLines.parse(body);
            } catch (IllegalArgumentException e) {
                throw new UnforwardableEntryException(e.getMessage());
            }
            String plant = message.getStringProperty(JournalWriter.PLANT);
            String source = message.getStringProperty(JournalWriter.SOURCE);
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(lines.size());
            for (JournalLines.Line line : lines) {
                records.add(CloudEventMapper.toRecord(line.type(), line.json(), plant, source, line.sequence(), line.occurredAtMillis()));
            }
            return records;
        }

        /** Waits as long as it takes (the producer retries in order), reporting the link down meanwhile. */
        private void awaitAcknowledged(Future<RecordMetadata> ack) throws ExecutionException, InterruptedException {
            long timeout = config.forward().sendTimeout().toMillis();
            while (true) {
                try {
                    ack.get(timeout, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    failed(name, new IllegalStateException("Kafka has not acknowledged within " + timeout + " ms; waiting"));
                    if (!running) {
                        throw new InterruptedException("stopping");
                    }
                }
            }
        }

        private void deadLetter(Message message, String reason) throws JMSException {
            LOG.errorf("Journal entry cannot be forwarded, moved to %s: %s", EmbeddedJournal.DEAD_LETTER, reason);
            Message copy;
            if (message instanceof TextMessage text) {
                copy = session.createTextMessage(text.getText());
            } else if (message instanceof BytesMessage bytes) {
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.reset();
                bytes.readBytes(body);
                BytesMessage bytesCopy = session.createBytesMessage();
                bytesCopy.writeBytes(body);
                copy = bytesCopy;
            } else {
                copy = session.createMessage();
            }
            for (Object name : java.util.Collections.list(message.getPropertyNames())) {
                String property = name.toString();
                if (property.startsWith("mw_")) {
                    copy.setObjectProperty(property, message.getObjectProperty(property));
                }
            }
            copy.setStringProperty(DeadLetterQueue.REASON, reason);
            copy.setStringProperty(DeadLetterQueue.ORIGIN_QUEUE, queue);
            deadLetters.send(copy, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
            metrics.deadLettered(entries(message));
        }

        private void pace(long records) throws InterruptedException {
            if (nanosPerRecord == 0) {
                return;
            }
            long now = System.nanoTime();
            if (nextSendNanos > now) {
                TimeUnit.NANOSECONDS.sleep(nextSendNanos - now);
            }
            nextSendNanos = Math.max(nextSendNanos, now) + records * nanosPerRecord;
        }

        private void open() throws JMSException {
            if (connection != null) {
                return;
            }
            connection = connectionFactory.createConnection();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            consumer = session.createConsumer(session.createQueue(queue));
            deadLetters = session.createProducer(session.createQueue(EmbeddedJournal.DEAD_LETTER));
            connection.start();
        }

        private void rollback() {
            try {
                if (session != null) {
                    session.rollback();
                }
            } catch (JMSException e) {
                LOG.debugf(e, "Rollback in the %s lane failed; reopening", name);
                close();
            }
        }

        private void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (JMSException e) {
                    LOG.debug("Closing the forwarder's journal connection failed", e);
                }
            }
            connection = null;
            session = null;
            consumer = null;
            deadLetters = null;
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
