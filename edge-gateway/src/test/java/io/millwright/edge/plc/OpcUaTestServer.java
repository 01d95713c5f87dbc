package io.millwright.edge.plc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
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
 * A minimal OPC UA server (Eclipse Milo) on 127.0.0.1 for tests: security policy None, anonymous only, endpoint
 * {@code opc.tcp://127.0.0.1:<port>/milo}, one namespace ({@link #NAMESPACE_URI}, index 2) holding the Double
 * variable {@code ns=2;s=Line1.Temperature} and the Int32 variable {@code ns=2;s=Line1.Count}. Can be stopped and
 * started again on the same port (power loss / return); the last set values survive.
 */
public final class OpcUaTestServer {

    public static final String NAMESPACE_URI = "urn:millwright:test:line1";
    public static final String PATH = "/milo";

    private final int port;
    private volatile double temperature;
    private volatile int count;
    private OpcUaServer server;
    private Line1Namespace namespace;

    public OpcUaTestServer(int port) {
        this.port = port;
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
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1")
                .setBindPort(port)
                .setHostname("127.0.0.1")
                .setPath(PATH)
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:millwright:test:opcua-server")
                .setApplicationName(LocalizedText.english("Millwright OPC UA test server"))
                .setProductUri("urn:millwright:test")
                .setEndpoints(Set.of(endpoint))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
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
