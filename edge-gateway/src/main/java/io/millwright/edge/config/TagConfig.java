package io.millwright.edge.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One tag: its PLC4X address on the connection, how often it is read, how its value is interpreted, and which asset
 * it belongs to. A {@code deadband} of zero forwards every read; above zero a GOOD numeric reading is forwarded only
 * when it moved at least that far from the last forwarded one (quality changes are always forwarded).
 */
public record TagConfig(
        String id,
        String connectionId,
        String address,
        Duration scanInterval,
        TagDataType dataType,
        String unit,
        BigDecimal deadband,
        String assetId,
        TagClass tagClass) {
}
