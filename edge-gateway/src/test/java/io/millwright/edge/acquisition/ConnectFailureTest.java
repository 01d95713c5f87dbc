package io.millwright.edge.acquisition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.apache.plc4x.java.api.exceptions.PlcIoException;
import org.junit.jupiter.api.Test;

import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.OpcUaSecurity;
import io.millwright.edge.config.OpcUaSecurity.MessageMode;
import io.millwright.edge.config.OpcUaSecurity.Policy;

/** What the driver said, turned into what to fix; the messages are those PLC4X 0.13.1 gives against Milo 1.0. */
class ConnectFailureTest {

    static final OpcUaSecurity SECURED = new OpcUaSecurity(Policy.BASIC256SHA256, MessageMode.SIGN_AND_ENCRYPT,
            Path.of("/pki/edge.p12"), "pkcs12", "ks-secret", Path.of("/pki/server.der"), "edge", "pw-secret");
    static final ConnectionConfig SECURED_OPCUA = connection("opcua:tcp://10.0.0.1:4840/milo?discovery=false", SECURED);
    static final ConnectionConfig PLAIN_OPCUA = connection("opcua:tcp://10.0.0.1:4840/milo?discovery=false", null);

    @Test
    void aRefusedIdentityNamesTheServersAnswerAndTheFieldsToCheck() {
        assertThat(ConnectFailure.describe(SECURED_OPCUA, "Failed to establish connection: Server returned error BadUserAccessDenied (0x801f0000)",
                false, terminated())).isEqualTo("cannot connect: the OPC UA server refused the user identity (BadUserAccessDenied):"
                        + " check security.username and security.password (and that the user may log in)");
        assertThat(ConnectFailure.describe(PLAIN_OPCUA, "Failed to establish connection: Server returned error BadIdentityTokenInvalid (0x80200000)",
                false, terminated())).contains("refused the user identity (BadIdentityTokenInvalid): it wants a user name and password");
    }

    @Test
    void otherServerAnswersAndMissingEndpointsAreNamed() {
        assertThat(ConnectFailure.describe(SECURED_OPCUA, "Failed to establish connection: Server returned error BadSecurityPolicyRejected (0x80550000)",
                false, null)).isEqualTo("cannot connect: the OPC UA server rejected Basic256Sha256 sign-and-encrypt (BadSecurityPolicyRejected):"
                        + " compare the security block with the server's endpoints");
        assertThat(ConnectFailure.describe(PLAIN_OPCUA, "Failed to establish connection: Server returned error BadSecurityPolicyRejected (0x80550000)",
                false, null)).isEqualTo("cannot connect: the OPC UA server rejected security policy None (BadSecurityPolicyRejected):"
                        + " it may not accept security policy None (then configure the connection's security block)");
        assertThat(ConnectFailure.describe(SECURED_OPCUA, "Failed to establish connection: Server returned error BadTooManySessions (0x80560000)",
                false, null)).isEqualTo("cannot connect: the OPC UA server answered BadTooManySessions while the session was set up");
        assertThat(ConnectFailure.describe(PLAIN_OPCUA, "Failed to establish connection: Unable to find endpoint matching  opc.tcp://10.0.0.1:4840/milo",
                false, null)).isEqualTo("cannot connect: the OPC UA server offers no endpoint for security policy None with anonymous"
                        + " access at this URL (compare the security block with the server's endpoints)");
    }

    @Test
    void aConnectionClosedDuringTheHandshakePointsAtTrustOrPolicy() {
        assertThat(ConnectFailure.describe(SECURED_OPCUA, null, false, terminated()))
                .contains("closed the connection while the secure channel (Basic256Sha256 sign-and-encrypt) was set up")
                .contains("does not trust the gateway's certificate");
        assertThat(ConnectFailure.describe(PLAIN_OPCUA, null, false, terminated())).contains("may not accept security policy None");
    }

    @Test
    void silenceUntilTheTimeoutAndRefusedConnectionsAreSaidPlainly() {
        assertThat(ConnectFailure.describe(PLAIN_OPCUA, null, true, terminated()))
                .isEqualTo("cannot connect: no connection within the connect timeout of 10s (driver: Connection terminated by remote)");
        assertThat(ConnectFailure.describe(connection("modbus-tcp://10.0.0.2:502", null), null, false,
                new PlcConnectionException(new java.net.ConnectException("Connection refused"))))
                .isEqualTo("cannot connect: connection refused (PLC unreachable, switched off or not listening on that port)");
    }

    @Test
    void passwordsNeverReachTheReason() {
        String reason = ConnectFailure.describe(SECURED_OPCUA, null, false,
                new PlcConnectionException("Invalid plc4j connection string 'opcua:tcp://x?key-store-password=ks-secret&password=pw-secret'"));
        assertThat(reason).doesNotContain("ks-secret", "pw-secret").contains("key-store-password=***");
    }

    private static PlcConnectionException terminated() {
        return new PlcConnectionException(new CompletionException(new PlcIoException("Connection terminated by remote")));
    }

    private static ConnectionConfig connection(String url, OpcUaSecurity security) {
        return new ConnectionConfig("c", url, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(60), security, List.of());
    }
}
