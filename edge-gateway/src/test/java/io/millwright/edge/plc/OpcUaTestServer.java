package io.millwright.edge.plc;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A minimal OPC UA server (Eclipse Milo) on 127.0.0.1 for tests: endpoint {@code opc.tcp://127.0.0.1:<port>/milo},
 * one namespace ({@link #NAMESPACE_URI}, index 2) holding the Double variable {@code ns=2;s=Line1.Temperature} and
 * the Int32 variable {@code ns=2;s=Line1.Count}. Can be stopped and started again on the same port (power loss /
 * return); the last set values survive.
 *
 * <p>{@link #OpcUaTestServer(int)} serves security policy None with anonymous identity only. {@link #secured} serves
 * only Basic256Sha256 endpoints (the given message security modes, no None endpoint) that require a user name and
 * password, present the given server certificate and accept only the client certificates it was told to trust;
 * the certificates it refused are kept ({@link #rejectedClientCertificates()}), as a real server's PKI "rejected"
 * folder would.
 */
public final class OpcUaTestServer {

    public static final String NAMESPACE_URI = "urn:millwright:test:line1";
    public static final String PATH = "/milo";
    public static final String APPLICATION_URI = "urn:millwright:test:opcua-server";

    /** What a secured server requires of its clients: one endpoint per mode, all with the same policy. */
    public record Security(SecurityPolicy policy, Set<MessageSecurityMode> modes,
            OpcUaTestPki.ApplicationIdentity serverIdentity, List<X509Certificate> trustedClients, String username,
            String password) {

        public Security {
            if (modes.isEmpty() || (policy == SecurityPolicy.None) != modes.equals(Set.of(MessageSecurityMode.None))) {
                throw new IllegalArgumentException("policy " + policy + " with modes " + modes);
            }
            modes = Set.copyOf(modes);
            trustedClients = List.copyOf(trustedClients);
        }

        /** Basic256Sha256 with the given modes (Sign, SignAndEncrypt), user name and password required. */
        public static Security basic256Sha256(Set<MessageSecurityMode> modes, OpcUaTestPki.ApplicationIdentity serverIdentity,
                List<X509Certificate> trustedClients, String username, String password) {
            return new Security(SecurityPolicy.Basic256Sha256, modes, serverIdentity, trustedClients, username, password);
        }
    }

    private final int port;
    private final Security security;
    private final MemoryCertificateQuarantine quarantine = new MemoryCertificateQuarantine();
    private volatile double temperature;
    private volatile int count;
    private OpcUaServer server;
    private Line1Namespace namespace;

    public OpcUaTestServer(int port) {
        this(port, null);
    }

    private OpcUaTestServer(int port, Security security) {
        this.port = port;
        this.security = security;
    }

    public static OpcUaTestServer secured(int port, Security security) {
        return new OpcUaTestServer(port, security);
    }

    /**
     * The activated sessions as {@code <policy>/<mode>/<user>} (e.g. {@code Basic256Sha256/SignAndEncrypt/edge}),
     * to see what a client actually negotiated.
     */
    public synchronized List<String> activatedSessions() {
        if (server == null) {
            return List.of();
        }
        List<String> sessions = new ArrayList<>();
        for (Session session : server.getSessionManager().getAllSessions()) {
            if (session.getIdentity() instanceof Identity.UsernameIdentity user) {
                sessions.add(describe(session, user.getUsername()));
            } else if (session.getIdentity() != null) {
                sessions.add(describe(session, "anonymous"));
            }
        }
        return sessions;
    }

    private static String describe(Session session, String user) {
        return session.getSecurityConfiguration().getSecurityPolicy().name() + "/"
                + session.getSecurityConfiguration().getSecurityMode() + "/" + user;
    }

    /** Client certificates the server refused (untrusted), oldest first. */
    public List<X509Certificate> rejectedClientCertificates() {
        return quarantine.getRejectedCertificates();
    }

    public int port() {
        return port;
    }

    public synchronized void setTemperature(double value) {
        temperature = value;
        if (namespace != null) {
            namespace.temperature.setValue(new DataValue(new Variant(value)));
        }
    }

    public synchronized void setCount(int value) {
        count = value;
        if (namespace != null) {
            namespace.count.setValue(new DataValue(new Variant(value)));
        }
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Millwright OPC UA test server"))
                .setProductUri("urn:millwright:test")
                .setEndpoints(endpoints())
                .setIdentityValidator(identityValidator())
                .setCertificateManager(certificateManager())
                .build();
        OpcUaServer s = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        Line1Namespace ns = new Line1Namespace(s, temperature, count);
        ns.startup();
        try {
            s.startup().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            ns.shutdown();
            throw new IllegalStateException("OPC UA test server did not start on port " + port, e);
        }
        server = s;
        namespace = ns;
    }

    private Set<EndpointConfig> endpoints() {
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1")
                .setBindPort(port)
                .setHostname("127.0.0.1")
                .setPath(PATH);
        if (security == null) {
            return Set.of(base.setSecurityPolicy(SecurityPolicy.None)
                    .setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                    .build());
        }
        Set<EndpointConfig> endpoints = new HashSet<>();
        for (MessageSecurityMode mode : security.modes()) {
            endpoints.add(base.copy()
                    .setSecurityPolicy(security.policy())
                    .setSecurityMode(mode)
                    .setCertificate(security.serverIdentity().certificate())
                    .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME)
                    .build());
        }
        return endpoints;
    }

    private IdentityValidator identityValidator() {
        if (security == null) {
            return AnonymousIdentityValidator.INSTANCE;
        }
        return new UsernameIdentityValidator(challenge -> security.username().equals(challenge.getUsername())
                && security.password().equals(challenge.getPassword()));
    }

    private CertificateManager certificateManager() {
        if (security == null) {
            return new DefaultCertificateManager(quarantine);
        }
        MemoryTrustListManager trustList = new MemoryTrustListManager();
        trustList.setTrustedCertificates(new ArrayList<>(security.trustedClients()));
        MemoryCertificateStore store = new MemoryCertificateStore();
        X509Certificate[] chain = {security.serverIdentity().certificate()};
        try {
            store.set(NodeIds.RsaSha256ApplicationCertificateType,
                    new CertificateStore.Entry(security.serverIdentity().keyPair().getPrivate(), chain));
            DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trustList, store,
                    new RsaSha256CertificateFactory() {
                        @Override
                        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
                            return chain; // the store already holds the server's certificate: never asked to create one
                        }
                    },
                    new DefaultServerCertificateValidator(trustList, quarantine));
            return new DefaultCertificateManager(quarantine, group);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the test server's certificates", e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            namespace.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("OPC UA test server did not stop", e);
        } finally {
            server = null;
            namespace = null;
        }
    }

    private static final class Line1Namespace extends ManagedNamespaceWithLifecycle {

        private final SubscriptionModel subscriptions;
        final UaVariableNode temperature;
        final UaVariableNode count;

        Line1Namespace(OpcUaServer server, double temperature, int count) {
            super(server, NAMESPACE_URI);
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            this.temperature = variable("Line1.Temperature", NodeIds.Double, new Variant(temperature));
            this.count = variable("Line1.Count", NodeIds.Int32, new Variant(count));
        }

        private UaVariableNode variable(String name, NodeId dataType, Variant value) {
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(name))
                    .setBrowseName(newQualifiedName(name))
                    .setDisplayName(LocalizedText.english(name))
                    .setDataType(dataType)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.READ_ONLY)
                    .setUserAccessLevel(AccessLevel.READ_ONLY)
                    .build();
            node.setValue(new DataValue(value));
            getNodeManager().addNode(node);
            return node;
        }

        @Override
        public void onDataItemsCreated(List<DataItem> dataItems) {
            subscriptions.onDataItemsCreated(dataItems);
        }

        @Override
        public void onDataItemsModified(List<DataItem> dataItems) {
            subscriptions.onDataItemsModified(dataItems);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> dataItems) {
            subscriptions.onDataItemsDeleted(dataItems);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
            subscriptions.onMonitoringModeChanged(monitoredItems);
        }
    }
}
