package io.millwright.edge.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One PLC connection: a PLC4X connection string, how long a read may take, how reconnect attempts back off, and
 * the tags read through it.
 */
public record ConnectionConfig(
        String id,
        String url,
        Duration readTimeout,
        Duration reconnectInitial,
        Duration reconnectMax,
        List<TagConfig> tags) {

    public ConnectionConfig {
        tags = List.copyOf(tags);
    }

    /** Tags grouped by scan interval, shortest first: each group is read by one request. */
    public Map<Duration, List<TagConfig>> scanGroups() {
        return tags.stream().collect(Collectors.groupingBy(TagConfig::scanInterval, TreeMap::new, Collectors.toList()));
    }
}
