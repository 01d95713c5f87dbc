package io.millwright.model.common;

/** Item (material) master data, synchronised from the ERP; {@code itemId} is the ERP material number. */
public record Item(
        String itemId,
        String description,
        String baseUnitOfMeasure,
        ItemType type,
        boolean lotManaged,
        boolean active) {

    public Item {
        Require.nonBlank(itemId, "itemId");
        Require.nonBlank(description, "description");
        Require.nonBlank(baseUnitOfMeasure, "baseUnitOfMeasure");
        Require.nonNull(type, "type");
    }
}
