package io.millwright.edge.forward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import jakarta.jms.Message;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import io.millwright.edge.metrics.EdgeMetricsSink;
import io.millwright.edge.store.JournalWriter;

/**
 * Sends one lane's batch to Kafka, in journal order, and waits until Kafka acknowledged every record. While Kafka
 * is unreachable the records stay queued in the producer, which retries them in order and never expires them; the
 * wait goes on and the link is reported down. A send refused at once stops the batch there, so nothing after it can
 * land first; a non-retriable refusal discards the lane's producer once what was sent has settled. An entry that can
 * never become a valid event is dead-lettered instead of sent.
 */
final class BatchSender {

    private static final Logger LOG = Logger.getLogger(BatchSender.class);

    private final String lane;
    private final LaneProducer producer;
    private final LaneJournal journal;
    private final CloudLink link;
    private final EdgeMetricsSink metrics;
    private final Duration sendTimeout;
    private final BooleanSupplier running;

    BatchSender(String lane, LaneProducer producer, LaneJournal journal, CloudLink link, EdgeMetricsSink metrics,
            Duration sendTimeout, BooleanSupplier running) {
        this.lane = lane;
        this.producer = producer;
        this.journal = journal;
        this.link = link;
        this.metrics = metrics;
        this.sendTimeout = sendTimeout;
        this.running = running;
    }

    /**
     * Sends the batch and waits for every acknowledgement; throws if any record was not acknowledged.
     *
     * @return the entries that leave the journal with the commit (sent or dead-lettered)
     */
    long send(List<Message> batch) throws Exception {
        Producer<String, byte[]> current = producer.get();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size() * 64);
        Map<String, Integer> perConnection = new LinkedHashMap<>();
        long removed = 0;
        for (Message message : batch) {
            List<ProducerRecord<String, byte[]>> records;
            try {
                records = JournalMessages.records(message);
            } catch (UnforwardableEntryException e) {
                long entries = JournalMessages.entries(message);
                journal.deadLetter(message, e.getMessage());
                metrics.deadLettered(entries);
                removed += entries;
                continue;
            }
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(send(current, record, acks));
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
                    lane, CloudLink.rootMessage(e));
            producer.settleThenDiscard(acks);
            throw e;
        }
        perConnection.forEach(metrics::forwarded);
        return removed;
    }

    /** Queues one record; throws when it was refused before it was queued (the batch stops there). */
    private Future<RecordMetadata> send(Producer<String, byte[]> current, ProducerRecord<String, byte[]> record,
            List<Future<RecordMetadata>> sent) throws InterruptedException {
        Future<RecordMetadata> ack;
        try {
            ack = current.send(record);
        } catch (KafkaException unusable) {
            // the producer itself failed (e.g. its idempotent session died on an authentication error)
            producer.settleThenDiscard(sent);
            throw unusable;
        }
        if (ack.isDone()) {
            // refused before it was queued: send nothing after it, or later records could land before this one is
            // sent again
            try {
                ack.get();
            } catch (ExecutionException refused) {
                if (!(refused.getCause() instanceof RetriableException)) {
                    // e.g. credentials or certificate refused: a new producer logs in afresh on the retry; a
                    // retriable refusal (no metadata while Kafka is down) keeps the producer
                    producer.settleThenDiscard(sent);
                }
                throw new IllegalStateException("Kafka refused the send: " + CloudLink.rootMessage(refused), refused);
            }
        }
        return ack;
    }

    /** Waits as long as it takes (the producer retries in order), reporting the link down meanwhile. */
    private void awaitAcknowledged(Future<RecordMetadata> ack) throws ExecutionException, InterruptedException {
        long timeout = sendTimeout.toMillis();
        while (true) {
            try {
                ack.get(timeout, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                link.failed(lane, new IllegalStateException("Kafka has not acknowledged within " + timeout + " ms; waiting"));
                if (!running.getAsBoolean()) {
                    throw new InterruptedException("stopping");
                }
            }
        }
    }
}
