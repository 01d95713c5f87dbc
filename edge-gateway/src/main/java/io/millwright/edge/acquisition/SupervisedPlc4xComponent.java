package io.millwright.edge.acquisition;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.PollingConsumer;
import org.apache.camel.component.plc4x.Plc4XComponent;
import org.apache.camel.component.plc4x.Plc4XEndpoint;
import org.apache.camel.component.plc4x.Plc4XPollingConsumer;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.PropertiesHelper;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;

import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;

/**
 * camel-plc4x with endpoints supervised by the gateway: an endpoint URI names its plant-file connection
 * ({@code connectionId=<id>}), whose connections a {@link PlcConnector} opens (the plant file's URL, security options
 * and passwords outside any URI, a bounded connect, a readable reason), on the first scan rather than while Camel
 * starts; a failed connect reaches the route as the exchange's exception with that reason, where camel-plc4x would
 * answer an empty map and log "Unable to reconnect".
 */
public class SupervisedPlc4xComponent extends Plc4XComponent {

    /** Endpoint option naming the plant file's connection. */
    public static final String CONNECTION_ID = "connectionId";

    private final PlantConfig plant;

    public SupervisedPlc4xComponent(PlantConfig plant) {
        this.plant = plant;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        DriverErrorLog.uninstall();
    }

    @Override
    protected org.apache.camel.Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Endpoint endpoint = new Endpoint(uri, this);
        String connectionId = getAndRemoveParameter(parameters, CONNECTION_ID, String.class);
        if (connectionId != null) {
            endpoint.supervise(plant.connection(connectionId)
                    .orElseThrow(() -> new IllegalArgumentException("no connection '" + connectionId + "' in the plant file")));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        PropertiesHelper.extractProperties(parameters, "tag.").forEach((alias, address) -> tags.put(alias, String.valueOf(address)));
        endpoint.setTags(tags);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** A camel-plc4x endpoint whose connections a {@link PlcConnector} opens. */
    public static class Endpoint extends Plc4XEndpoint {

        private ConnectionConfig plantConnection;

        Endpoint(String endpointUri, SupervisedPlc4xComponent component) {
            super(endpointUri, component);
        }

        /** The plant file's connection this endpoint reads from (URL, security, connect timeout). */
        void supervise(ConnectionConfig connection) {
            this.plantConnection = connection;
        }

        @Override
        protected void doStart() throws Exception {
            // instead of camel-plc4x's plain driver manager (the endpoint's only start-up work)
            plcDriverManager = new PlcConnector(getCamelContext().getApplicationContextClassLoader(), plantConnection);
        }

        /** Connecting waits for the first scan: a PLC that is down or refuses the gateway does not hold up start-up. */
        @Override
        public void setupConnection() {
        }

        /**
         * A lost connection is replaced by a new one from the connector (camel-plc4x would call connect() on the dead
         * one again, with no bound on how long that takes).
         */
        @Override
        public void reconnectIfNeeded() throws PlcConnectionException {
            if (isConnected()) {
                return;
            }
            PlcConnection lost = connection;
            connection = null;
            if (lost != null) {
                PlcConnector.closeLater(lost);
            }
            connection = plcDriverManager.getConnection(plantConnection == null ? getUri() : plantConnection.url());
        }

        /**
         * camel-plc4x closes only a connected connection; a lost one would keep its driver's reconnect timer running
         * (the S7 driver reconnects on its own every second) after the gateway stopped reading.
         */
        @Override
        public void doStop() throws Exception {
            PlcConnection current = connection;
            connection = null;
            if (current != null) {
                current.close();
            }
        }

        @Override
        public PollingConsumer createPollingConsumer() {
            return new SupervisedPollingConsumer(this);
        }
    }

    /** Reads on request only; a failed connect is the exchange's exception, carrying the connector's reason. */
    static class SupervisedPollingConsumer extends Plc4XPollingConsumer {

        private final Endpoint endpoint;

        SupervisedPollingConsumer(Endpoint endpoint) {
            super(endpoint);
            this.endpoint = endpoint;
        }

        /** camel-plc4x's polling consumer also starts an event-driven consumer that reads once at start: not needed. */
        @Override
        protected Consumer createConsumer() {
            return new DefaultConsumer(endpoint, this);
        }

        @Override
        protected Exchange doReceive(long timeout) {
            try {
                endpoint.reconnectIfNeeded();
            } catch (PlcConnectionException e) {
                Exchange failed = endpoint.createExchange();
                failed.setException(e);
                return failed;
            }
            return super.doReceive(timeout);
        }
    }
}
