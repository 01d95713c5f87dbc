package io.millwright.edge.config;

import java.util.List;

/** The plant file is unusable; every problem names file, line, column and field. The gateway does not start. */
public class PlantConfigException extends RuntimeException {

    private final List<String> problems;

    public PlantConfigException(String source, List<String> problems) {
        super("Invalid plant configuration " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
