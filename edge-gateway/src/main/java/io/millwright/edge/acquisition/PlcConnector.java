package io.millwright.edge.acquisition;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Enumeration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcDriver;
import org.apache.plc4x.java.api.authentication.PlcAuthentication;
import org.apache.plc4x.java.api.authentication.PlcUsernamePasswordAuthentication;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.jboss.logging.Logger;

import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.OpcUaSecurity;

/**
 * Opens the PLC4X connections of one camel-plc4x endpoint, adding what the endpoint's URI must not or cannot carry:
 * <ul>
 * <li>the connection's OPC UA security options and key store password, appended to the driver's connection string
 * only here (so they are in no Camel URI, log line or status page), and user name and password as a
 * {@link PlcUsernamePasswordAuthentication};</li>
 * <li>a bound on connecting: PLC4X 0.13.1 waits without end for an OPC UA session the server refused (wrong
 * password, no matching endpoint). An attempt ends as soon as the driver logs why ({@link DriverErrorLog}), or
 * at the connection's connect timeout, by closing its channel;</li>
 * <li>a reason for a failed attempt that says what to fix ({@link ConnectFailure}), and a check of the key store
 * and server certificate files before each attempt, whose problems the driver reports as a NullPointerException.</li>
 * </ul>
 */
class PlcConnector extends DefaultPlcDriverManager {

    private static final Logger LOG = Logger.getLogger(PlcConnector.class);
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "edge-plc-connect-deadline");
        thread.setDaemon(true);
        return thread;
    });
    /** Closing a PLC4X connection waits for its Netty event loop to shut down (2 s): not on a scan thread. */
    private static final ExecutorService CLOSER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "edge-plc-close");
        thread.setDaemon(true);
        return thread;
    });

    private final ConnectionConfig connection;

    PlcConnector(ClassLoader classLoader, ConnectionConfig connection) {
        super(classLoader);
        this.connection = connection;
    }

    @Override
    public PlcConnection getConnection(String url) throws PlcConnectionException {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(classLoader);
        try {
            return connect(url);
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    @Override
    public PlcConnection getConnection(String url, PlcAuthentication authentication) throws PlcConnectionException {
        return getConnection(url);
    }

    private PlcConnection connect(String url) throws PlcConnectionException {
        if (connection == null) {
            return super.getConnection(url);
        }
        OpcUaSecurity security = connection.security();
        String problem = securityMaterialProblem(security);
        if (problem != null) {
            throw new PlcConnectionException("cannot connect: " + problem);
        }
        PlcConnection plc;
        try {
            String connectionString = connectionString(url, security);
            PlcDriver driver = getDriverForUrl(connectionString);
            PlcAuthentication authentication = authentication(security);
            // some drivers (simulated) refuse the two-argument form even without authentication
            plc = authentication == null ? driver.getConnection(connectionString) : driver.getConnection(connectionString, authentication);
        } catch (PlcConnectionException | RuntimeException e) {
            throw new PlcConnectionException(ConnectFailure.describe(connection, null, false, e));
        }
        DriverErrorLog.Attempt attempt = DriverErrorLog.watch(plc);
        long timeout = connection.connectTimeout().toMillis();
        // re-armed: a driver that opens a discovery channel first opens a second one after it
        ScheduledFuture<?> deadline = DEADLINES.scheduleAtFixedRate(attempt::expire, timeout, 250, TimeUnit.MILLISECONDS);
        try {
            plc.connect();
            return plc;
        } catch (PlcConnectionException | RuntimeException e) {
            attempt.abandon();
            String reason = ConnectFailure.describe(connection, attempt.driverError(), attempt.expired(), e);
            LOG.debugf(e, "connection %s: %s", connection.id(), reason);
            throw new PlcConnectionException(reason);
        } finally {
            deadline.cancel(false);
            attempt.close();
        }
    }

    /** The URL as the endpoint has it, plus the security block's options for the driver (values URL-encoded). */
    static String connectionString(String url, OpcUaSecurity security) {
        if (security == null || !security.secured()) {
            return url;
        }
        StringBuilder options = new StringBuilder(url).append(url.contains("?") ? '&' : '?')
                .append("security-policy=").append(security.policy().uaName())
                .append("&message-security=").append(security.mode().driverName())
                .append("&key-store-file=").append(encode(security.keyStore().toString()))
                .append("&key-store-type=").append(encode(security.keyStoreType()))
                .append("&key-store-password=").append(encode(security.keyStorePassword()))
                .append("&server-certificate-file=").append(encode(security.serverCertificate().toString()));
        if (!url.matches(".*[?&]discovery=.*")) {
            // the pinned server certificate is used; discovery would fetch one over an unsecured channel
            options.append("&discovery=false");
        }
        return options.toString();
    }

    private static PlcAuthentication authentication(OpcUaSecurity security) {
        return security != null && security.hasUser() ? new PlcUsernamePasswordAuthentication(security.username(), security.password()) : null;
    }

    /** The key store and server certificate as the driver will read them; null when they are usable. */
    static String securityMaterialProblem(OpcUaSecurity security) {
        if (security == null || !security.secured()) {
            return null;
        }
        try {
            KeyStore keyStore = KeyStore.getInstance(security.keyStoreType());
            try (InputStream in = Files.newInputStream(security.keyStore())) {
                keyStore.load(in, security.keyStorePassword().toCharArray());
            }
            Enumeration<String> aliases = keyStore.aliases();
            // the driver takes the first entry of the store as the gateway's key and certificate
            String alias = aliases.hasMoreElements() ? aliases.nextElement() : null;
            if (alias == null || !keyStore.isKeyEntry(alias) || !(keyStore.getCertificate(alias) instanceof X509Certificate own)) {
                return "key store " + security.keyStore() + " must hold the gateway's private key and certificate as its first entry"
                        + (alias == null ? " (it is empty)" : " (first entry '" + alias + "' is not a private key with a certificate)");
            }
            keyStore.getKey(alias, security.keyStorePassword().toCharArray());
            if (own.getNotAfter().toInstant().isBefore(Instant.now())) {
                return "the gateway's certificate in " + security.keyStore() + " expired on " + own.getNotAfter().toInstant();
            }
        } catch (NoSuchFileException e) {
            return "key store " + security.keyStore() + " does not exist";
        } catch (IOException | GeneralSecurityException e) {
            return "cannot open key store " + security.keyStore() + " (type " + security.keyStoreType() + "): "
                    + security.mask(ConnectFailure.deepestMessage(e));
        }
        try (InputStream in = Files.newInputStream(security.serverCertificate())) {
            CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            return "server certificate " + security.serverCertificate() + " does not exist";
        } catch (IOException | GeneralSecurityException e) {
            return "server certificate " + security.serverCertificate() + " is not a DER or PEM certificate: " + ConnectFailure.deepestMessage(e);
        }
        return null;
    }

    /** Closes a connection that was connected (ends its OPC UA session and keep-alive) in the background. */
    static void closeLater(PlcConnection plc) {
        CLOSER.execute(() -> {
            try {
                plc.close();
            } catch (Exception e) {
                LOG.debugf(e, "closing a failed PLC connection");
            }
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
