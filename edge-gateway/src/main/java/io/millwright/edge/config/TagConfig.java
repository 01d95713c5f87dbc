package io.millwright.edge.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.millwright.model.edge.MachineState;

/**
 * One tag: its PLC4X address on the connection, how often it is read, how its value is interpreted, and which asset
 * it belongs to. A {@code deadband} of zero forwards every read; above zero a GOOD numeric reading is forwarded only
 * when it moved at least that far from the last forwarded one (quality changes are always forwarded). EVENT tags
 * are forwarded on change only.
 *
 * <p>Local processing (E2): {@code rangeMin}/{@code rangeMax} (nullable) make a value outside them BAD;
 * {@code aggregate} (nullable) replaces the raw GOOD samples by min/max/avg/count per window; {@code states} (value
 * → machine state) makes the tag its asset's state signal; {@code faults} (code → meaning) makes it the asset's
 * fault-code signal. Value keys are normalised with {@link #valueKey(Object)}.
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
        TagClass tagClass,
        BigDecimal rangeMin,
        BigDecimal rangeMax,
        Duration aggregate,
        Map<String, MachineState> states,
        Map<String, FaultCode> faults) {

    public TagConfig {
        states = states == null ? Map.of() : Map.copyOf(states);
        faults = faults == null ? Map.of() : Map.copyOf(faults);
    }

    /** A plain tag without local processing. */
    public TagConfig(String id, String connectionId, String address, Duration scanInterval, TagDataType dataType,
            String unit, BigDecimal deadband, String assetId, TagClass tagClass) {
        this(id, connectionId, address, scanInterval, dataType, unit, deadband, assetId, tagClass, null, null, null, null, null);
    }

    public boolean isStateSignal() {
        return !states.isEmpty();
    }

    public boolean isFaultSignal() {
        return !faults.isEmpty();
    }

    /** {@code 2}, {@code 2.0} and {@code "2"} are the same key; booleans become {@code true}/{@code false}. */
    public static String valueKey(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        String text = String.valueOf(value).trim();
        try {
            return valueKey(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** What a fault code means: shown text and alert severity. */
    public record FaultCode(String description, io.millwright.model.edge.AlertSeverity severity) {
    }
}
