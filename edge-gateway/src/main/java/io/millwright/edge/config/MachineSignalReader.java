package io.millwright.edge.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineState;

/**
 * A tag's machine-signal maps: {@code states} (which values mean which machine state) and {@code faults} (what a
 * fault code means). Value keys are normalised with {@link TagConfig#valueKey(Object)}.
 */
final class MachineSignalReader {

    private final PlantFileProblems problems;

    MachineSignalReader(PlantFileProblems problems) {
        this.problems = problems;
    }

    /** {@code states: {running: [1], idle: [0], fault: [2, 3]}}: which values of the tag mean which machine state. */
    Map<String, MachineState> states(YamlFields f, String path) {
        MappingNode node = f.mapping("states");
        if (node == null) {
            return Map.of();
        }
        Map<String, MachineState> states = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            MachineState state;
            try {
                state = MachineState.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(tuple.getKeyNode(), path + ".states." + name, "must be one of " + List.of(MachineState.values()));
                continue;
            }
            if (state == MachineState.UNKNOWN) {
                problems.add(tuple.getKeyNode(), path + ".states." + name, "UNKNOWN is what an unreadable or unmapped signal means; it cannot be mapped");
                continue;
            }
            List<ScalarNode> values = new ArrayList<>();
            if (tuple.getValueNode() instanceof ScalarNode scalar) {
                values.add(scalar);
            } else if (tuple.getValueNode() instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (item instanceof ScalarNode scalar) {
                        values.add(scalar);
                    } else {
                        problems.add(item, path + ".states." + name, "values must be single values");
                    }
                }
            } else {
                problems.add(tuple.getValueNode(), path + ".states." + name, "must be a value or a list of values");
            }
            for (ScalarNode value : values) {
                MachineState earlier = states.putIfAbsent(TagConfig.valueKey(value.getValue()), state);
                if (earlier != null) {
                    problems.add(value, path + ".states." + name, "value " + value.getValue() + " already means " + earlier);
                }
            }
        }
        if (states.isEmpty()) {
            problems.add(node, path + ".states", "needs at least one state with its values");
        }
        return states;
    }

    /** {@code faults: {17: {text: Hydraulic pressure low, severity: critical}}}; code 0 / empty means no fault. */
    Map<String, TagConfig.FaultCode> faults(YamlFields f, String path) {
        MappingNode node = f.mapping("faults");
        if (node == null) {
            return Map.of();
        }
        Map<String, TagConfig.FaultCode> faults = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String code = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            String codePath = path + ".faults." + code;
            if (code.isBlank() || TagConfig.valueKey(code).equals("0")) {
                problems.add(tuple.getKeyNode(), codePath, "code 0 means 'no fault' and cannot be mapped");
                continue;
            }
            if (!(tuple.getValueNode() instanceof MappingNode meaning)) {
                problems.add(tuple.getValueNode(), codePath, "must be a mapping with text and severity");
                continue;
            }
            YamlFields m = YamlFields.read(meaning, codePath + ".", Set.of("text", "severity"), problems);
            String text = m.text("text", true);
            AlertSeverity severity = m.enumValue("severity", AlertSeverity.class, AlertSeverity.WARNING);
            faults.put(TagConfig.valueKey(code), new TagConfig.FaultCode(text, severity));
        }
        if (faults.isEmpty()) {
            problems.add(node, path + ".faults", "needs at least one fault code");
        }
        return faults;
    }
}
