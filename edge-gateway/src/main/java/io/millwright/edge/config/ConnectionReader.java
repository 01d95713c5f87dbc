package io.millwright.edge.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** One entry of the plant file's {@code connections}: URL, timeouts, reconnect backoff, security and its tags. */
final class ConnectionReader {

    private static final Pattern URL = Pattern.compile("(modbus-tcp|opcua|s7|simulated):\\S+");

    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_RECONNECT_INITIAL = Duration.ofSeconds(1);
    private static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(60);

    private final PlantFileProblems problems;
    private final OpcUaSecurityReader security;
    private final TagReader tags;

    ConnectionReader(PlantFileProblems problems, OpcUaSecurityReader security, TagReader tags) {
        this.problems = problems;
        this.security = security;
        this.tags = tags;
    }

    /**
     * @param tagIds where each tag id of the plant was first defined, across connections (ids are unique per plant)
     * @return the connection, or null when the node is no mapping
     */
    ConnectionConfig read(Node node, String path, Map<String, String> tagIds) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, path, "expected a mapping (id, url, tags, ...)");
            return null;
        }
        YamlFields f = YamlFields.read(mapping, path + ".", Set.of("id", "url", "connect-timeout", "read-timeout", "reconnect",
                "security", "tags"), problems);
        String id = f.id("id");
        String url = f.text("url", true);
        Matcher protocol = url == null ? null : URL.matcher(url);
        if (protocol != null && !protocol.matches()) {
            f.problem("url", "must be a PLC4X connection string starting with modbus-tcp:, opcua:, s7: or simulated: (was '" + url + "')");
        }
        String protocolCode = protocol != null && protocol.matches() ? protocol.group(1) : null;
        OpcUaSecurity opcUaSecurity = security.read(f, path, url);
        if (url != null && url.startsWith("opcua:")) {
            security.checkUrlOptions(f, url, opcUaSecurity);
        }
        Duration connectTimeout = f.duration("connect-timeout", ConnectionConfig.DEFAULT_CONNECT_TIMEOUT);
        Duration readTimeout = f.duration("read-timeout", DEFAULT_READ_TIMEOUT);
        Duration reconnectInitial = DEFAULT_RECONNECT_INITIAL;
        Duration reconnectMax = DEFAULT_RECONNECT_MAX;
        MappingNode reconnect = f.mapping("reconnect");
        if (reconnect != null) {
            YamlFields r = YamlFields.read(reconnect, path + ".reconnect.", Set.of("initial", "max"), problems);
            reconnectInitial = r.duration("initial", DEFAULT_RECONNECT_INITIAL);
            reconnectMax = r.duration("max", DEFAULT_RECONNECT_MAX);
            if (reconnectMax.compareTo(reconnectInitial) < 0) {
                problems.add(reconnect, path + ".reconnect.max", "must not be shorter than reconnect.initial");
            }
        }
        return new ConnectionConfig(id, url, connectTimeout, readTimeout, reconnectInitial, reconnectMax, opcUaSecurity,
                tags(f, path, id, protocolCode, tagIds));
    }

    private List<TagConfig> tags(YamlFields f, String path, String connectionId, String protocol, Map<String, String> tagIds) {
        List<TagConfig> read = new ArrayList<>();
        SequenceNode list = f.sequence("tags", true);
        if (list == null) {
            return read;
        }
        if (list.getValue().isEmpty()) {
            problems.add(list, path + ".tags", "needs at least one tag");
        }
        for (int i = 0; i < list.getValue().size(); i++) {
            Node tagNode = list.getValue().get(i);
            TagConfig tag = tags.read(tagNode, path + ".tags[" + i + "]", connectionId, protocol);
            if (tag != null) {
                String earlier = tagIds.putIfAbsent(tag.id(), problems.at(tagNode));
                if (earlier != null) {
                    problems.add(tagNode, path + ".tags[" + i + "].id", "duplicate tag id '" + tag.id() + "' (first defined at " + earlier + ")");
                }
                read.add(tag);
            }
        }
        return read;
    }
}
