package io.millwright.edge.forward;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A lane's own Kafka producer, so an error in one lane never aborts the other's batch. Made on first use; after a
 * non-retriable error it is discarded (aborting whatever it still holds) and the next batch gets a new one, which
 * logs in afresh.
 */
final class LaneProducer {

    private final Map<String, Object> properties;
    private final Duration sendTimeout;
    private Producer<String, byte[]> producer;

    LaneProducer(Map<String, Object> properties, Duration sendTimeout) {
        this.properties = properties;
        this.sendTimeout = sendTimeout;
    }

    Producer<String, byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(new HashMap<>(properties));
        }
        return producer;
    }

    void discard() {
        Producer<String, byte[]> failed = producer;
        producer = null;
        if (failed != null) {
            failed.close(Duration.ZERO);
        }
    }

    /** Lets what was sent of the batch settle before discarding, so nothing of it lands after the resend. */
    void settleThenDiscard(List<Future<RecordMetadata>> sent) throws InterruptedException {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> ack : sent) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException ignored) {
                // settled as failed, or still pending: aborted with the producer
            }
        }
        discard();
    }
}
