package io.millwright.edge.acquisition;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.OpcUaSecurity;

/**
 * Turns what the driver said about a failed connect into a reason a plant engineer can act on. The reason becomes
 * the connection's last error (health, status page) and the reason of its BAD/STALE samples; it never contains a
 * password.
 */
final class ConnectFailure {

    private static final Pattern STATUS = Pattern.compile("\\b(Bad[A-Za-z]+)\\b");
    private static final Set<String> IDENTITY_REFUSED = Set.of("BadUserAccessDenied", "BadIdentityTokenInvalid",
            "BadIdentityTokenRejected", "BadUserSignatureInvalid");

    private ConnectFailure() {
    }

    /**
     * @param driverError what the driver logged for the attempt ({@link DriverErrorLog}), or null
     * @param timedOut    the attempt was ended by the connect timeout
     * @param thrown      what connect() threw, or null
     */
    static String describe(ConnectionConfig connection, String driverError, boolean timedOut, Throwable thrown) {
        String said = driverError != null ? driverError : deepestMessage(thrown);
        String reason = connection.url().startsWith("opcua:") ? opcUa(connection, said, driverError != null, timedOut) : null;
        if (reason == null && said != null && connection.url().startsWith("s7:") && said.contains("Connection is not possible")) {
            // what the S7 driver says both when nothing listens and when the CPU refuses the ISO connection
            reason = "the CPU did not accept a connection (switched off or unreachable, not listening on that port, or no"
                    + " CPU at that remote-rack/remote-slot)";
        }
        if (reason == null && said != null && said.contains("Connection refused")) {
            reason = "connection refused (PLC unreachable, switched off or not listening on that port)";
        }
        if (reason == null) {
            reason = timedOut && driverError == null
                    ? "no connection within the connect timeout of " + connection.connectTimeout().toSeconds() + "s"
                            + (said == null ? "" : " (driver: " + said + ")")
                    : said == null ? "the driver gave no reason" : said;
        }
        String text = "cannot connect: " + reason;
        return connection.security() == null ? text : connection.security().mask(text);
    }

    private static String opcUa(ConnectionConfig connection, String said, boolean driverSaid, boolean timedOut) {
        OpcUaSecurity security = connection.security();
        boolean secured = security != null && security.secured();
        boolean user = security != null && security.hasUser();
        String text = said == null ? "" : said;
        Matcher status = STATUS.matcher(text);
        if (status.find()) {
            String code = status.group(1);
            if (IDENTITY_REFUSED.contains(code)) {
                return "the OPC UA server refused the user identity (" + code + "): "
                        + (user ? "check security.username and security.password (and that the user may log in)"
                                : "it wants a user name and password (security.username, security.password)");
            }
            if ("BadSecurityPolicyRejected".equals(code)) {
                return "the OPC UA server rejected " + channel(security) + " (" + code + ")"
                        + (secured ? ": compare the security block with the server's endpoints"
                                : ": it may not accept security policy None (then configure the connection's security block)");
            }
            return "the OPC UA server answered " + code + " while the session was set up";
        }
        if (text.contains("Unable to find endpoint matching")) {
            return "the OPC UA server offers no endpoint for " + channel(security) + " with "
                    + (user ? "user name and password" : "anonymous access")
                    + " at this URL (compare the security block with the server's endpoints)";
        }
        if (timedOut && !driverSaid) {
            return null;
        }
        if (text.contains("Connection terminated by remote")) {
            return secured
                    ? "the OPC UA server closed the connection while the secure channel (" + channel(security) + ") was set up:"
                            + " it does not trust the gateway's certificate (most servers keep a refused certificate as"
                            + " 'rejected' until an administrator trusts it), security.server-certificate is not its"
                            + " current certificate, or it does not offer this policy and mode"
                    : "the OPC UA server closed the connection while the session was set up: it may not accept security"
                            + " policy None (then configure the connection's security block)";
        }
        return null;
    }

    private static String channel(OpcUaSecurity security) {
        return security == null || !security.secured() ? "security policy None"
                : security.policy().uaName() + " " + security.mode().planName();
    }

    static String deepestMessage(Throwable thrown) {
        if (thrown == null) {
            return null;
        }
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
