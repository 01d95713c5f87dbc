package io.millwright.edge.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.OpcUaSecurity;
import io.millwright.edge.config.OpcUaSecurity.MessageMode;
import io.millwright.edge.config.OpcUaSecurity.Policy;
import io.millwright.edge.plc.ModbusTcpTestServer;
import io.millwright.edge.plc.OpcUaTestPki;
import io.millwright.edge.plc.OpcUaTestServer;

/**
 * The connector against a real secured OPC UA server (Milo, Basic256Sha256 SignAndEncrypt, user and password, one
 * trusted client certificate), without Camel: a good configuration connects and reads; a refused password ends the
 * attempt with the server's answer long before the connect timeout (PLC4X alone would wait for ever); a pinned server
 * certificate that is not the server's, a key store that does not open, and a peer that never answers, end with a
 * reason too.
 */
class PlcConnectorTest {

    static final Path PKI = Path.of("target", "opcua-pki", "connector").toAbsolutePath();
    static final OpcUaTestPki.ApplicationIdentity GATEWAY = OpcUaTestPki.application("gateway", "urn:millwright:edge-gateway");
    static final OpcUaTestPki.ApplicationIdentity SERVER = OpcUaTestPki.application("server", OpcUaTestServer.APPLICATION_URI);
    static final OpcUaTestServer PLC = OpcUaTestServer.secured(ModbusTcpTestServer.freePort(), OpcUaTestServer.Security.basic256Sha256(
            Set.of(MessageSecurityMode.SignAndEncrypt), SERVER, List.of(GATEWAY.certificate()), "edge", "right & proper"));
    static Path keyStore;
    static Path serverCertificate;

    @BeforeAll
    static void startPlc() {
        keyStore = GATEWAY.writeKeyStore(PKI.resolve("edge.p12"), "ks-secret");
        serverCertificate = SERVER.writeCertificate(PKI.resolve("server.der"));
        PLC.setTemperature(21.5);
        PLC.start();
    }

    @AfterAll
    static void stopPlc() {
        PLC.stop();
    }

    @Test
    void theSecurityBlockReachesTheDriverOnlyInTheConnectionString() {
        OpcUaSecurity security = new OpcUaSecurity(Policy.BASIC256SHA256, MessageMode.SIGN, Path.of("/pki/own key.p12"), "pkcs12",
                "a&b=c", Path.of("/pki/server.der"), "edge", "secret");
        assertThat(PlcConnector.connectionString("opcua:tcp://h:4840/milo?discovery=false", security)).isEqualTo(
                "opcua:tcp://h:4840/milo?discovery=false&security-policy=Basic256Sha256&message-security=SIGN"
                        + "&key-store-file=%2Fpki%2Fown+key.p12&key-store-type=pkcs12&key-store-password=a%26b%3Dc"
                        + "&server-certificate-file=%2Fpki%2Fserver.der");
        assertThat(PlcConnector.connectionString("opcua:tcp://h:4840", security)).endsWith("&discovery=false");
        assertThat(PlcConnector.connectionString("opcua:tcp://h:4840?discovery=false", null)).isEqualTo("opcua:tcp://h:4840?discovery=false");
    }

    @Test
    void signedAndEncryptedWithUserAndPasswordReads() throws Exception {
        PlcConnection plc = connector(security("right & proper", "ks-secret"), Duration.ofSeconds(20)).getConnection(url());
        try {
            PlcReadResponse response = plc.readRequestBuilder().addTagAddress("t0", "ns=2;s=Line1.Temperature;LREAL").build()
                    .execute().get(10, TimeUnit.SECONDS);
            assertThat(response.getObject("t0")).isEqualTo(21.5);
            assertThat(PLC.activatedSessions()).contains("Basic256Sha256/SignAndEncrypt/edge");
        } finally {
            plc.close();
        }
    }

    @Test
    void aRefusedPasswordEndsTheAttemptWithTheServersAnswerBeforeTheTimeout() {
        PlcConnector connector = connector(security("wrong", "ks-secret"), Duration.ofSeconds(60));
        long started = System.nanoTime();
        assertThatThrownBy(() -> connector.getConnection(url()))
                .isInstanceOf(PlcConnectionException.class)
                .hasMessage("cannot connect: the OPC UA server refused the user identity (BadUserAccessDenied): check"
                        + " security.username and security.password (and that the user may log in)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aPinnedCertificateThatIsNotTheServersIsAmongTheNamedCauses() {
        Path otherServer = OpcUaTestPki.application("another server", OpcUaTestServer.APPLICATION_URI)
                .writeCertificate(PKI.resolve("other-server.der"));
        OpcUaSecurity pinnedElsewhere = new OpcUaSecurity(Policy.BASIC256SHA256, MessageMode.SIGN_AND_ENCRYPT, keyStore, "pkcs12",
                "ks-secret", otherServer, "edge", "right & proper");
        assertThatThrownBy(() -> connector(pinnedElsewhere, Duration.ofSeconds(20)).getConnection(url()))
                .isInstanceOf(PlcConnectionException.class)
                // the server answers "no certificate for provided thumbprint", which the driver does not pass on
                .hasMessageContaining("closed the connection while the secure channel (Basic256Sha256 sign-and-encrypt) was set up")
                .hasMessageContaining("security.server-certificate is not its current certificate");
    }

    @Test
    void aKeyStoreThatDoesNotOpenIsNamedWithoutItsPassword() {
        assertThatThrownBy(() -> connector(security("right & proper", "not-the-ks-password"), Duration.ofSeconds(20)).getConnection(url()))
                .isInstanceOf(PlcConnectionException.class)
                .hasMessageStartingWith("cannot connect: cannot open key store " + keyStore + " (type pkcs12): ")
                .hasMessageNotContaining("not-the-ks-password");
    }

    @Test
    void aPeerThatNeverAnswersEndsAtTheConnectTimeout() throws IOException {
        CountDownLatch testOver = new CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    testOver.await(); // holds the TCP connection open and never answers
                } catch (IOException | InterruptedException e) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionConfig connection = new ConnectionConfig("silent", "opcua:tcp://127.0.0.1:" + silent.getLocalPort() + "/milo?discovery=false",
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), null, List.of());
            assertThatThrownBy(() -> new PlcConnector(getClass().getClassLoader(), connection).getConnection(connection.url()))
                    .isInstanceOf(PlcConnectionException.class)
                    .hasMessageStartingWith("cannot connect: no connection within the connect timeout of 1s");
        } finally {
            testOver.countDown();
        }
    }

    private static OpcUaSecurity security(String password, String keyStorePassword) {
        return new OpcUaSecurity(Policy.BASIC256SHA256, MessageMode.SIGN_AND_ENCRYPT, keyStore, "pkcs12", keyStorePassword,
                serverCertificate, "edge", password);
    }

    private static PlcConnector connector(OpcUaSecurity security, Duration connectTimeout) {
        ConnectionConfig connection = new ConnectionConfig("line-1", url(), connectTimeout, Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(1), security, List.of());
        return new PlcConnector(PlcConnectorTest.class.getClassLoader(), connection);
    }

    private static String url() {
        return "opcua:tcp://127.0.0.1:" + PLC.port() + OpcUaTestServer.PATH + "?discovery=false";
    }
}
