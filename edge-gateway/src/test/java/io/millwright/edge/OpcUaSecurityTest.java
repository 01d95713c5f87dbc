package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;

import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionHealth;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionStatus;
import io.millwright.edge.plc.ModbusTcpTestServer;
import io.millwright.edge.plc.OpcUaTestPki;
import io.millwright.edge.plc.OpcUaTestServer;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The gateway against a Milo server that offers only Basic256Sha256 (Sign and SignAndEncrypt endpoints, no None
 * endpoint), requires a user name and password and trusts one client certificate, all made at test time. One plant
 * file, five connections to that server:
 * <ul>
 * <li>{@code encrypted}: SignAndEncrypt with the trusted key store and the right password: GOOD samples, UP;</li>
 * <li>{@code signed}: Sign, likewise;</li>
 * <li>{@code wrong-password}: BAD, reason and last error say the server refused the user identity;</li>
 * <li>{@code untrusted}: a key store the server does not trust: BAD, the reason names the certificate;</li>
 * <li>{@code unsecured}: no security block (policy None): BAD, the reason says the server may not accept None.</li>
 * </ul>
 * No failing connection forwards a value, none hangs, and the status page shows policy and user but no password.
 */
@QuarkusTest
@TestProfile(OpcUaSecurityTest.Profile.class)
class OpcUaSecurityTest {

    static final String PLANT = "plant-opcua-secure";
    static final String USER = "edge-gateway";
    static final String PASSWORD = "line1-Pa55:word&=";
    static final String WRONG_PASSWORD = "not-the-password";
    static final String KEY_STORE_PASSWORD = "key-store-Pa55";
    static final Path PKI = Path.of("target", "opcua-pki").toAbsolutePath();
    static final OpcUaTestPki.ApplicationIdentity GATEWAY = OpcUaTestPki.application("Millwright edge gateway", "urn:millwright:edge-gateway");
    static final OpcUaTestPki.ApplicationIdentity STRANGER = OpcUaTestPki.application("Unknown client", "urn:millwright:stranger");
    static final OpcUaTestPki.ApplicationIdentity SERVER = OpcUaTestPki.application("Line 1 OPC UA server", OpcUaTestServer.APPLICATION_URI);
    static final OpcUaTestServer PLC = OpcUaTestServer.secured(ModbusTcpTestServer.freePort(), OpcUaTestServer.Security.basic256Sha256(
            Set.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt), SERVER, List.of(GATEWAY.certificate()), USER, PASSWORD));

    static final Path PLANT_FILE = Path.of("target", "plants", "opcua-secure.yaml");

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return PLANT_FILE; // written by SecuredServer before the gateway starts
        }

        @Override
        public List<TestResourceEntry> testResources() {
            List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
            resources.add(new TestResourceEntry(SecuredServer.class));
            return resources;
        }
    }

    /**
     * Starts the server and writes key stores, server certificate and plant file before the gateway starts, so each
     * connection's first failure is the one under test. A test resource runs once, in the class loader the tests
     * run in; the profile is also evaluated in another one, where a server started from it would never be stopped.
     */
    public static class SecuredServer implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            PLC.setTemperature(21.5);
            PLC.setCount(42);
            PLC.start();
            Path gatewayKeyStore = GATEWAY.writeKeyStore(PKI.resolve("own/edge-gateway.p12"), KEY_STORE_PASSWORD);
            Path strangerKeyStore = STRANGER.writeKeyStore(PKI.resolve("own/stranger.p12"), KEY_STORE_PASSWORD);
            Path serverCertificate = SERVER.writeCertificate(PKI.resolve("servers/line-1.der"));
            String url = "opcua:tcp://127.0.0.1:" + PLC.port() + OpcUaTestServer.PATH + "?discovery=false";
            StringBuilder yaml = new StringBuilder("plant: " + PLANT + "\nconnections:\n");
            yaml.append(connection("encrypted", url, security("sign-and-encrypt", gatewayKeyStore, serverCertificate, PASSWORD)));
            yaml.append(connection("signed", url, security("sign", gatewayKeyStore, serverCertificate, PASSWORD)));
            yaml.append(connection("wrong-password", url, security("sign-and-encrypt", gatewayKeyStore, serverCertificate, WRONG_PASSWORD)));
            yaml.append(connection("untrusted", url, security("sign-and-encrypt", strangerKeyStore, serverCertificate, PASSWORD)));
            yaml.append(connection("unsecured", url, ""));
            try {
                Files.writeString(Files.createDirectories(PLANT_FILE.getParent()).resolve(PLANT_FILE.getFileName()), yaml.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            PLC.stop();
        }

        private static String security(String mode, Path keyStore, Path serverCertificate, String password) {
            return """
                        security:
                          policy: Basic256Sha256
                          mode: %s
                          key-store: %s
                          key-store-password: "%s"
                          server-certificate: %s
                          username: %s
                          password: "%s"
                    """.formatted(mode, keyStore, KEY_STORE_PASSWORD, serverCertificate, USER, password);
        }

        private static String connection(String id, String url, String security) {
            return """
                      - id: %1$s
                        url: %2$s
                        read-timeout: 2s
                        connect-timeout: 10s
                        reconnect:
                          initial: 500ms
                          max: 2s
                    %3$s    tags:
                          - id: %1$s.temperature
                            address: "ns=2;s=Line1.Temperature;LREAL"
                            scan: 250ms
                            unit: CEL
                            asset: line-1
                          - id: %1$s.count
                            address: "ns=2;s=Line1.Count;DINT"
                            scan: 250ms
                            unit: EA
                            asset: line-1
                    """.formatted(id, url, security);
        }
    }

    @Inject
    ConnectionSupervisor supervisor;

    @TestHTTPResource("/status")
    URI status;

    @Test
    void signedAndEncryptedConnectionsWithUserAndPasswordReadTheServersValues() {
        awaitLatest("encrypted", "encrypted.temperature", s -> s.quality() == SampleQuality.GOOD && s.value().value().doubleValue() == 21.5);
        awaitLatest("encrypted", "encrypted.count", s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 42);
        awaitLatest("signed", "signed.temperature", s -> s.quality() == SampleQuality.GOOD && s.value().value().doubleValue() == 21.5);
        assertThat(health("encrypted").status()).isEqualTo(ConnectionStatus.UP);
        assertThat(health("signed").status()).isEqualTo(ConnectionStatus.UP);
        // the server saw what the plant file asked for: it offers no None endpoint and only accepts its user
        assertThat(PLC.activatedSessions()).contains("Basic256Sha256/SignAndEncrypt/" + USER, "Basic256Sha256/Sign/" + USER)
                .allMatch(session -> session.endsWith("/" + USER));

        // values change in the server: the new values arrive over the secured sessions
        PLC.setTemperature(23.25);
        PLC.setCount(43);
        TelemetrySample temperature = awaitLatest("encrypted", "encrypted.temperature",
                s -> s.quality() == SampleQuality.GOOD && s.value().value().doubleValue() == 23.25);
        assertThat(temperature.value().unitOfMeasure()).isEqualTo("CEL");
        awaitLatest("encrypted", "encrypted.count", s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 43);
        awaitLatest("signed", "signed.count", s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 43);
    }

    @Test
    void aRefusedPasswordIsBadWithTheServersAnswerAndTheConnectionDown() {
        ConnectionHealth health = awaitDown("wrong-password");
        assertThat(health.lastError()).contains("refused the user identity (BadUserAccessDenied)")
                .contains("security.username and security.password").doesNotContain(WRONG_PASSWORD, PASSWORD, KEY_STORE_PASSWORD);
        assertOnlyBad("wrong-password", "refused the user identity (BadUserAccessDenied)");
    }

    @Test
    void anUntrustedGatewayCertificateIsBadWithTheCertificateNamedAndTheConnectionDown() {
        ConnectionHealth health = awaitDown("untrusted");
        assertThat(health.lastError()).contains("does not trust the gateway's certificate");
        assertOnlyBad("untrusted", "does not trust the gateway's certificate");
        assertThat(PLC.rejectedClientCertificates()).contains(STRANGER.certificate()).doesNotContain(GATEWAY.certificate());
    }

    @Test
    void anUnsecuredConnectionToAServerWithoutNoneEndpointIsBadAndSaysSo() {
        ConnectionHealth health = awaitDown("unsecured");
        assertThat(health.lastError()).contains("may not accept security policy None");
        assertOnlyBad("unsecured", "may not accept security policy None");
    }

    @Test
    void theStatusPageShowsTheSecurityButNoPassword() {
        awaitDown("wrong-password");
        HttpResponse<String> page = EdgeHttp.get(status);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Basic256Sha256, sign-and-encrypt, user " + USER, "Basic256Sha256, sign, user " + USER,
                        "refused the user identity (BadUserAccessDenied)")
                .doesNotContain("line1-Pa55", WRONG_PASSWORD, KEY_STORE_PASSWORD);
    }

    private ConnectionHealth awaitDown(String connection) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> health(connection),
                h -> h.status() == ConnectionStatus.DOWN && h.lastError() != null);
    }

    private ConnectionHealth health(String connection) {
        return supervisor.health().get(connection);
    }

    /** Both tags of the connection were forwarded BAD with the reason, never with a value. */
    private static void assertOnlyBad(String connection, String reason) {
        List<TelemetrySample> samples = await().atMost(Duration.ofSeconds(30)).until(() -> samples(connection),
                all -> all.stream().map(TelemetrySample::tag).distinct().count() == 2);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.quality()).isEqualTo(SampleQuality.BAD);
            assertThat(s.value()).isNull();
            assertThat(s.qualityReason()).contains(reason);
        });
    }

    private static TelemetrySample awaitLatest(String connection, String tag, Predicate<TelemetrySample> condition) {
        return EdgeRecords.awaitLatest(PLANT + "/" + connection, tag, condition);
    }

    private static List<TelemetrySample> samples(String connection) {
        return EdgeRecords.samples(PLANT + "/" + connection);
    }
}
