package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.millwright.edge.forward.KafkaForwarder;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalWriter;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.event.KafkaAccess;
import io.millwright.model.event.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The cloud link as a plant runs it: Kafka over TLS with the gateway's client certificate (mutual TLS) and
 * SCRAM-SHA-512, against the test broker's {@code SASL_SSL} listener. The cloud side first refuses the gateway's
 * password (as after a credential rotation that did not reach the plant): the link is reported down with the
 * broker's reason and acquisition goes on into the journal. Once the cloud side accepts the password, the backlog
 * arrives complete and in order, without restarting the gateway.
 */
@QuarkusTest
@TestProfile(KafkaTlsTest.Profile.class)
class KafkaTlsTest {

    static final String SOURCE = "plant-tls/line-1";
    static final String USER = "edge-plant-tls";
    static final String PASSWORD = "plant-tls-secret";

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return fixture("tls.yaml");
        }

        @Override
        protected Map<String, String> extraConfig() {
            KafkaBroker broker = KafkaBroker.shared();
            if (!broker.isRunning()) {
                broker.start();
            }
            // the cloud side knows this user with another password until the test changes it
            broker.setScramPassword(USER, "rotated-elsewhere");
            // a plant's gateway has its own principal, allowed to write the machine-data topics
            broker.grant(KafkaAccess.plant(USER));
            KafkaBroker.SecureListener secure = broker.secureListener();
            return Map.of(
                    "millwright.edge.kafka.bootstrap-servers", secure.bootstrapServers(),
                    "millwright.edge.kafka.security-protocol", "SASL_SSL",
                    "millwright.edge.kafka.ssl-truststore-location", secure.truststore().toString(),
                    "millwright.edge.kafka.ssl-truststore-password", secure.storePassword(),
                    "millwright.edge.kafka.ssl-keystore-location", secure.keystore(USER).toString(),
                    "millwright.edge.kafka.ssl-keystore-password", secure.storePassword(),
                    "millwright.edge.kafka.sasl-mechanism", KafkaBroker.SCRAM_MECHANISM,
                    "millwright.edge.kafka.sasl-jaas-config", KafkaBroker.SecureListener.scramJaasConfig(USER, PASSWORD));
        }
    }

    @Inject
    KafkaForwarder forwarder;

    @Inject
    EmbeddedJournal journal;

    @Inject
    JournalWriter writer;

    @Inject
    CamelContext camel;

    @TestHTTPResource("/q/health/group/cloud")
    URI cloudHealth;

    @Test
    void refusedCredentialsKeepEverythingInTheJournalAndTheBacklogArrivesOverTlsOnceAccepted() throws Exception {
        // 1. the broker refuses the password: link down with its reason, samples pile up in the journal
        await().atMost(Duration.ofSeconds(30)).until(() -> !forwarder.link().up() && forwarder.link().lastError() != null
                && forwarder.link().lastError().contains("SaslAuthenticationException"));
        assertThat(forwarder.link().lastError()).contains("SCRAM-SHA-512");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(cloudHealth).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("SaslAuthenticationException");
        await().atMost(Duration.ofSeconds(30)).until(() -> journal.backlog() >= 40);
        assertThat(KafkaTestClient.readAll(Topics.EDGE_TELEMETRY, Duration.ofMillis(500)))
                .noneMatch(r -> SOURCE.equals(r.key()));

        // 2. the cloud side accepts the gateway's password: it reconnects on its own and the backlog drains
        KafkaBroker.shared().setScramPassword(USER, PASSWORD);
        await().atMost(Duration.ofSeconds(60)).until(() -> forwarder.link().up());
        await().atMost(Duration.ofSeconds(60)).until(() -> journal.backlog() == 0);
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith("edge-gateway.acquire.")) {
                camel.getRouteController().stopRoute(route.getRouteId());
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> journal.backlog() == 0);
        long lastAssigned = writer.lastSequence(SOURCE);

        // 3. everything arrived, in order, nothing missing (duplicates of a resent batch are allowed, loss is not)
        List<ConsumerRecord<String, byte[]>> records = EdgeRecords.allTelemetry(SOURCE, Duration.ofSeconds(2));
        List<Long> firstArrivals = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long sequence = Long.parseLong(KafkaTestClient.header(record, "ce_sequence"));
            if (!firstArrivals.contains(sequence)) {
                firstArrivals.add(sequence);
            }
        }
        assertThat(lastAssigned).isGreaterThanOrEqualTo(40);
        assertThat(firstArrivals).containsExactlyElementsOf(LongStream.rangeClosed(1, lastAssigned).boxed().toList());
    }
}
