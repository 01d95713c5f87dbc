package io.millwright.inventory.service;

import java.util.List;

/**
 * A hold to place: lots (with their item when the caller knows it; otherwise every item stocked under that lot
 * id in the plant), optionally narrowed to one location.
 */
public record HoldCommand(String holdId, String plantId, List<LotRef> lots, String locationId, String reason, String source) {

    public record LotRef(String itemId, String lotId) {
    }

    public static final String SOURCE_REST = "REST";
    public static final String SOURCE_EVENT = "EVENT";
}
