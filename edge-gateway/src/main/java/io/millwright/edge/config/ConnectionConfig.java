package io.millwright.edge.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One PLC connection: a PLC4X connection string (without credentials), how long connecting and a read may take,
 * how reconnect attempts back off, the OPC UA security to connect with (null: the driver's defaults, policy None and
 * anonymous) and the tags read through it.
 */
public record ConnectionConfig(
        String id,
        String url,
        Duration connectTimeout,
        Duration readTimeout,
        Duration reconnectInitial,
        Duration reconnectMax,
        OpcUaSecurity security,
        List<TagConfig> tags) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionConfig {
        tags = List.copyOf(tags);
    }

    /** A connection with the default connect timeout and no security block. */
    public ConnectionConfig(String id, String url, Duration readTimeout, Duration reconnectInitial, Duration reconnectMax,
            List<TagConfig> tags) {
        this(id, url, DEFAULT_CONNECT_TIMEOUT, readTimeout, reconnectInitial, reconnectMax, null, tags);
    }

    /** Tags grouped by scan interval, shortest first: each group is read by one request. */
    public Map<Duration, List<TagConfig>> scanGroups() {
        return tags.stream().collect(Collectors.groupingBy(TagConfig::scanInterval, TreeMap::new, Collectors.toList()));
    }
}
