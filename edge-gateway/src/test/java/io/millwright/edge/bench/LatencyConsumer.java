package io.millwright.edge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.millwright.model.event.Topics;

/**
 * Reads the telemetry topic as a cloud consumer would, on its own thread, and measures on every 20th record the
 * time from the PLC read ({@code ce_time}) to the record being readable.
 */
final class LatencyConsumer {

    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    LatencyConsumer(String bootstrapServers) {
        this.thread = new Thread(() -> consume(bootstrapServers), "bench-consumer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    LatencyHistogram latency() {
        return latency;
    }

    /** @throws IllegalStateException when the consumer failed */
    void checkAlive(String during) {
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the benchmark's consumer failed " + during + ": " + failed, failed);
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }

    private void consume(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EDGE_TELEMETRY));
            long seen = 0;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (seen++ % 20 == 0) {
                        Header time = record.headers().lastHeader("ce_time");
                        if (time != null) {
                            long sampled = OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8)).toInstant().toEpochMilli();
                            latency.record(System.currentTimeMillis() - sampled);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                failure.set(e);
            }
        }
    }
}
