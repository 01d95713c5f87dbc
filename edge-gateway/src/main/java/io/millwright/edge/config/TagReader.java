package io.millwright.edge.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.millwright.model.edge.MachineState;

/**
 * One entry of a connection's {@code tags}: address (checked by the connection's driver), scan interval, type,
 * unit, deadband, asset, class, range and aggregate window, and the machine-signal maps ({@link MachineSignalReader}).
 */
final class TagReader {

    private static final Duration MIN_SCAN = Duration.ofMillis(10);

    private final PlantFileProblems problems;
    private final MachineSignalReader signals;

    TagReader(PlantFileProblems problems, MachineSignalReader signals) {
        this.problems = problems;
        this.signals = signals;
    }

    /**
     * @param protocol the connection's protocol ({@code modbus-tcp}, ...), null when its URL is not valid
     * @return the tag, or null when the node is no mapping
     */
    TagConfig read(Node node, String path, String connectionId, String protocol) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, path, "expected a mapping (id, address, scan, ...)");
            return null;
        }
        YamlFields f = YamlFields.read(mapping, path + ".", Set.of("id", "address", "scan", "type", "unit", "deadband", "asset",
                "class", "range", "aggregate", "states", "faults"), problems);
        String id = f.id("id");
        String address = f.text("address", true);
        if (address != null && protocol != null) {
            TagAddressCheck.problem(protocol, address).ifPresent(problem -> f.problem("address", problem));
        }
        Duration scan = f.duration("scan", null);
        if (scan != null && scan.compareTo(MIN_SCAN) < 0) {
            f.problem("scan", "must be at least " + MIN_SCAN.toMillis() + "ms");
        }
        TagDataType type = f.enumValue("type", TagDataType.class, TagDataType.NUMBER);
        String unit = f.text("unit", false);
        if (unit == null) {
            unit = "1";
        }
        BigDecimal deadband = f.decimal("deadband");
        if (deadband == null) {
            deadband = BigDecimal.ZERO;
        } else if (deadband.signum() < 0) {
            f.problem("deadband", "must not be negative (was " + f.text("deadband", false) + ")");
        }
        String asset = f.id("asset");
        boolean signal = f.has("states") || f.has("faults");
        TagClass tagClass = f.enumValue("class", TagClass.class, signal ? TagClass.EVENT : TagClass.TELEMETRY);
        if (signal && tagClass != TagClass.EVENT) {
            f.problem("class", "a tag with states or faults is a machine signal and must be class EVENT");
        }
        BigDecimal[] range = range(f, path, type);
        Duration aggregate = aggregate(f, type, tagClass, deadband, scan);
        Map<String, MachineState> states = signals.states(f, path);
        Map<String, TagConfig.FaultCode> faults = signals.faults(f, path);
        return new TagConfig(id, connectionId, address, scan, type, unit, deadband, asset, tagClass, range[0], range[1],
                aggregate, states, faults);
    }

    /** {@code range: {min: …, max: …}}, either or both, for number tags. */
    private BigDecimal[] range(YamlFields f, String path, TagDataType type) {
        MappingNode node = f.mapping("range");
        if (node == null) {
            return new BigDecimal[2];
        }
        if (type != TagDataType.NUMBER) {
            problems.add(node, path + ".range", "only number tags have a range");
        }
        YamlFields r = YamlFields.read(node, path + ".range.", Set.of("min", "max"), problems);
        BigDecimal min = r.decimal("min");
        BigDecimal max = r.decimal("max");
        if (min == null && max == null) {
            problems.add(node, path + ".range", "needs min, max or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(node, path + ".range", "min (" + min.toPlainString() + ") is greater than max (" + max.toPlainString() + ")");
        }
        return new BigDecimal[] {min, max};
    }

    /** The aggregate window, only for number TELEMETRY tags without a deadband, longer than the scan. */
    private Duration aggregate(YamlFields f, TagDataType type, TagClass tagClass, BigDecimal deadband, Duration scan) {
        if (!f.has("aggregate")) {
            return null;
        }
        Duration aggregate = f.duration("aggregate", null);
        if (type != TagDataType.NUMBER) {
            f.problem("aggregate", "only number tags can be aggregated");
        } else if (tagClass != TagClass.TELEMETRY) {
            f.problem("aggregate", "EVENT tags are forwarded on change and cannot be aggregated");
        } else if (deadband.signum() > 0) {
            f.problem("aggregate", "aggregate and deadband exclude each other (an aggregate uses every read)");
        } else if (aggregate != null && scan != null && aggregate.compareTo(scan) <= 0) {
            f.problem("aggregate", "must be longer than the scan interval (" + scan.toMillis() + "ms)");
        }
        return aggregate;
    }
}
