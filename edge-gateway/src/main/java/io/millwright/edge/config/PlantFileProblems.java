package io.millwright.edge.config;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** The problems found in one plant file, each as {@code <file>:<line>:<column>: <field path>: <problem>}. */
final class PlantFileProblems {

    private final String source;
    private final List<String> problems = new ArrayList<>();

    PlantFileProblems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void add(Node node, String field, String message) {
        problems.add(at(node) + ": " + field + ": " + message);
    }

    /** A problem whose location was recorded earlier ({@link #at(Node)}). */
    void add(String location, String message) {
        problems.add(location + ": " + message);
    }

    String at(Node node) {
        return at(node.getStartMark());
    }

    String at(Mark mark) {
        return mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** @throws PlantConfigException listing every problem, when there is any */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new PlantConfigException(source, problems);
        }
    }
}
