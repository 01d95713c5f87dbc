package io.millwright.model.common;

public enum ItemType {
    FINISHED_GOOD,
    SEMI_FINISHED,
    RAW_MATERIAL,
    PACKAGING,
    SPARE_PART
}
