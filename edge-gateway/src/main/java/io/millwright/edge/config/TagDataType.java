package io.millwright.edge.config;

/** How a tag's raw PLC value becomes a sample: a number with a unit, a boolean (1/0), or text. */
public enum TagDataType {
    NUMBER,
    BOOLEAN,
    TEXT
}
