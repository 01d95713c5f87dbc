package io.millwright.edge.acquisition;

import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.component.plc4x.Plc4XComponent;
import org.apache.camel.component.plc4x.Plc4XEndpoint;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.jboss.logging.Logger;

/**
 * camel-plc4x's component with one change: a lost S7 connection is closed and replaced by a new one instead of being
 * reconnected in place.
 *
 * <p>camel-plc4x reconnects with {@code connection.connect()} on the connection it has. The PLC4X 0.13.1 S7 driver
 * shuts its session down when the CPU goes away, and a second {@code connect()} on that connection never completes:
 * the scan group's thread would wait forever and the PLC would never be read again (found by
 * {@code S7AcquisitionTest}). A new connection from the driver manager connects as the first one did. Other
 * protocols reconnect in place, as tested.
 */
public class EdgePlc4xComponent extends Plc4XComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        // let camel-plc4x read its options (tags, autoReconnect, ...), then carry them over to our endpoint
        Plc4XEndpoint parsed = (Plc4XEndpoint) super.createEndpoint(uri, remaining, parameters);
        if (!remaining.startsWith("s7:")) {
            return parsed;
        }
        Plc4XEndpoint endpoint = new ReplacingS7Endpoint(uri, this);
        endpoint.setTags(parsed.getTags());
        endpoint.setAutoReconnect(parsed.isAutoReconnect());
        return endpoint;
    }

    static final class ReplacingS7Endpoint extends Plc4XEndpoint {

        private static final Logger LOG = Logger.getLogger(ReplacingS7Endpoint.class);

        ReplacingS7Endpoint(String endpointUri, Component component) {
            super(endpointUri, component);
        }

        @Override
        public void reconnectIfNeeded() throws PlcConnectionException {
            PlcConnection lost = connection;
            if (lost != null && !lost.isConnected() && isAutoReconnect()) {
                connection = null;
                try {
                    // stops the driver's own reconnect timer of that connection
                    lost.close();
                } catch (Exception e) {
                    LOG.debugf(e, "Closing the lost S7 connection failed");
                }
            }
            // with no connection, camel-plc4x asks the driver manager for a new one
            super.reconnectIfNeeded();
        }

        @Override
        public void doStop() throws Exception {
            // camel-plc4x closes only a connected connection; a lost one would keep its reconnect timer running
            PlcConnection current = connection;
            connection = null;
            if (current != null) {
                current.close();
            }
        }
    }
}
