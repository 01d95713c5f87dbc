package io.millwright.edge.acquisition;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.TagConfig;

/** The tags of one connection that share a scan interval: read together by one camel-plc4x request. */
public record ScanGroup(ConnectionConfig connection, Duration interval, List<TagConfig> tags) {

    /** Exchange property holding the group on its acquisition route. */
    public static final String PROPERTY = "edgeScanGroup";
    /** Exchange property holding the text of a read that threw instead of answering. */
    public static final String READ_ERROR_PROPERTY = "edgeReadError";

    private static final Pattern URI_SAFE = Pattern.compile("[A-Za-z0-9:/._\\[\\]-]+");

    /**
     * {@code plc4x:<connection string>&autoReconnect=true&connectionId=<id>&tag.t0=<address>...}. Addresses with
     * URI-special characters (OPC UA node ids: {@code ;} and {@code =}; S7 addresses: {@code %}, which Camel would
     * decode, turning {@code %DB1.DBW2} into the byte 0xDB followed by {@code 1.DBW2}) are wrapped in {@code RAW()}.
     * The connection id tells {@link SupervisedPlc4xComponent} whose security and timeouts apply, and keeps two
     * connections with the same URL and addresses (e.g. one server, two users) from sharing one endpoint.
     */
    public String endpointUri() {
        StringBuilder uri = new StringBuilder("plc4x:").append(connection.url())
                .append(connection.url().contains("?") ? '&' : '?')
                .append("autoReconnect=true&").append(SupervisedPlc4xComponent.CONNECTION_ID).append('=').append(connection.id());
        for (int i = 0; i < tags.size(); i++) {
            String address = tags.get(i).address();
            uri.append("&tag.").append(SampleAssembler.alias(i)).append('=')
                    .append(URI_SAFE.matcher(address).matches() ? address : "RAW(" + address + ")");
        }
        return uri.toString();
    }

    public String routeId() {
        return "edge-gateway.acquire." + connection.id() + "." + interval.toMillis() + "ms";
    }
}
