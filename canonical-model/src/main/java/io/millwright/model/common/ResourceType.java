package io.millwright.model.common;

public enum ResourceType {
    PRODUCTION_LINE,
    WORK_CENTER,
    MACHINE,
    TOOL
}
