package io.millwright.quality;

import static io.millwright.quality.QualityFixtures.T0;
import static io.millwright.quality.QualityFixtures.produced;
import static io.millwright.quality.QualityFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.QmsSimulator;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.ServiceProperties;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * Q1/Q2 across crashes of the packaged service (SIGKILL): a failed result whose lot appears while the service is down,
 * and a failed result the service took just before it was killed, each hold their lot exactly once, publish one
 * {@code quality.hold.placed} and open one case in the QMS; a resend after the restart changes nothing.
 */
class QualityServiceRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static ServiceProcess service;

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aFailedResultHoldsItsLotExactlyOnceAcrossKills() {
        // the identity provider first: the simulated QMS gets its tokens from it
        IdentityProvider.realmUrl();
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        QmsSimulator qms = QmsSimulator.shared();
        Map<String, String> config = ServiceProperties.platform("quality-service", db, erp);
        config.putAll(IdentityProvider.serviceProperties());
        config.put("millwright.kit.webhooks.qms.secret", QmsSimulator.webhookSecret());
        config.put("millwright.kit.targets.qms.signing-secret", QmsSimulator.webhookSecret());
        config.put("millwright.kit.targets.qms.url", qms.apiUrl());
        // a kill may catch a case mid-call: it comes back when its lease ends, sooner than the queue's default 60 s
        config.put("millwright.kit.work-queues.\"quality.qms-case\".lease", "5s");
        config.put("millwright.kit.outbox.poll-interval", "200ms");
        service = ServiceProcess.start("quality-service", ServiceProcess.quarkusApp("services/quality-service"), config, Duration.ofSeconds(90));
        qms.configure(service.baseUrl());

        // 1. a result before its lot; the service dies; the lot is produced while it is down
        String run = run();
        String early = "L-EARLY-" + run;
        assertThat(qms.sendResult("QR-E-" + run, early, "FAIL")).containsEntry("status", 201);
        service.kill();
        produced("PO-E-" + run, "FG-100", early, "RES-CNC-01", T0, T0.plusSeconds(600));
        service = service.restart(Duration.ofSeconds(90));
        qms.configure(service.baseUrl());
        await().atMost(TIMEOUT).until(() -> db.count("select count(*) from quality.quality_hold where hold_id = ?", "QH-QR-E-" + run) == 1);

        // 2. a result for a known lot; the service dies right after taking it
        String known = "L-KNOWN-" + run;
        produced("PO-K-" + run, "FG-100", known, "RES-CNC-01", T0, T0.plusSeconds(600));
        await().atMost(TIMEOUT).until(() -> db.count("select count(*) from quality.lot_output where lot_id = ?", known) == 1);
        assertThat(qms.sendResult("QR-K-" + run, known, "FAIL")).containsEntry("status", 201);
        service.kill();
        service = service.restart(Duration.ofSeconds(90));
        qms.configure(service.baseUrl());
        assertThat(qms.resend("QR-K-" + run)).containsEntry("status", 200);
        assertThat(qms.resend("QR-E-" + run)).containsEntry("status", 200);

        for (String result : new String[] {"QR-E-" + run, "QR-K-" + run}) {
            String holdId = "QH-" + result;
            KafkaTestClient.await(Topics.QUALITY_EVENTS, r -> holdId.equals(r.key())
                    && EventType.QUALITY_HOLD_PLACED.type().equals(KafkaTestClient.header(r, "ce_type")), 1, TIMEOUT);
            await().atMost(TIMEOUT).until(() -> qms.cases(null).stream().anyMatch(c -> ("QC-" + result).equals(c.get("caseId"))));
            assertThat(db.count("select count(*) from quality.quality_hold where hold_id = ?", holdId)).isEqualTo(1);
            assertThat(db.count("select count(*) from quality.quality_result where result_id = ?", result)).isEqualTo(1);
            // the outbox relay delivers at least once: a record sent just before a kill may come again, with its ce_id
            assertThat(eventIds(holdId)).hasSize(1);
            assertThat(qms.cases(null)).filteredOn(c -> ("QC-" + result).equals(c.get("caseId"))).hasSize(1);
        }
    }

    private static Set<String> eventIds(String holdId) {
        return KafkaTestClient.readAll(Topics.QUALITY_EVENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> holdId.equals(r.key()) && EventType.QUALITY_HOLD_PLACED.type().equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> KafkaTestClient.header(r, "ce_id")).collect(Collectors.toSet());
    }
}
