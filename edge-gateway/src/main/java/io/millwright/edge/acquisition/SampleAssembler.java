package io.millwright.edge.acquisition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import io.quarkus.arc.Unremovable;

import io.millwright.edge.config.TagClass;
import io.millwright.edge.config.TagConfig;
import io.millwright.model.common.Quantity;
import io.millwright.model.edge.SampleQuality;

/**
 * Turns one camel-plc4x read (a map of tag alias to raw value) into readings with an honest quality.
 *
 * <p>camel-plc4x answers a failed read or an unreachable PLC with an <em>empty map</em>, not an exception. An
 * empty or missing result therefore marks the whole group: tags with a last good value become STALE (carrying
 * that value), tags never read become BAD. A single missing or unconvertible value is BAD for that tag only.
 * Non-GOOD readings are emitted once per change of quality (not on every failed poll), and a BAD tag once more when
 * the cause changes between "no answer" and "the PLC's answer for this tag" (so a refused address is reported even
 * when the PLC was unreachable at first); GOOD readings are emitted on every read, or, with a deadband, when the
 * value moved by at least the deadband.
 */
@Unremovable
@ApplicationScoped
public class SampleAssembler {

    /** camel-plc4x tag names are {@code t0, t1, ...} in the order of the scan group (ids may hold URI-unsafe characters). */
    public static String alias(int index) {
        return "t" + index;
    }

    /** camel-plc4x's message when the PLC rejected one tag of the request (e.g. NOT_FOUND, INVALID_ADDRESS). */
    private static final Pattern TAG_ERROR = Pattern.compile("Tag '(t\\d+)' could not be fetched, response was ([A-Z_]+)");

    private final ConnectionSupervisor supervisor;
    private final Clock clock;
    private final Map<String, TagState> tagStates = new ConcurrentHashMap<>();

    @Inject
    SampleAssembler(ConnectionSupervisor supervisor) {
        this(supervisor, Clock.systemUTC());
    }

    SampleAssembler(ConnectionSupervisor supervisor, Clock clock) {
        this.supervisor = supervisor;
        this.clock = clock;
    }

    /** The acquisition route's step: the scan group and any read error travel as exchange properties. */
    public List<Reading> assemble(@ExchangeProperty(ScanGroup.PROPERTY) ScanGroup group, @Body Map<String, Object> values,
            @ExchangeProperty(ScanGroup.READ_ERROR_PROPERTY) String readError) {
        return assembleRead(group.connection().id(), group.tags(), values, readError);
    }

    /**
     * @param group     the scan group's tags, in alias order
     * @param values    camel-plc4x's body; null or empty means the read failed as a whole
     * @param readError the exception text if the read threw, else null
     */
    public List<Reading> assembleRead(String connectionId, List<TagConfig> group, Map<String, Object> values, String readError) {
        Instant now = clock.instant();
        List<Reading> readings = new ArrayList<>();
        Matcher tagError = readError == null ? null : TAG_ERROR.matcher(readError);
        if (tagError != null && tagError.find()) {
            // The PLC answered, but refused one address; camel-plc4x then fails the whole request.
            supervisor.recordSuccess(connectionId);
            String failedAlias = tagError.group(1);
            String failedId = failedTagId(group, failedAlias);
            for (int i = 0; i < group.size(); i++) {
                TagConfig tag = group.get(i);
                String reason = alias(i).equals(failedAlias)
                        ? "PLC answered " + tagError.group(2) + " for address " + tag.address()
                        : "not read: tag " + failedId + " in the same scan group failed and camel-plc4x fails the whole request";
                bad(tag, reason, now, readings);
            }
            return readings;
        }
        if (values == null || values.isEmpty() || readError != null) {
            String reason = readError != null ? "read failed: " + readError
                    : "no values returned (PLC unreachable or read failed)";
            supervisor.recordFailure(connectionId, reason);
            for (TagConfig tag : group) {
                flagged(tag, reason, now, readings);
            }
            return readings;
        }
        supervisor.recordSuccess(connectionId);
        for (int i = 0; i < group.size(); i++) {
            TagConfig tag = group.get(i);
            Object raw = values.get(alias(i));
            if (raw == null) {
                bad(tag, "no value returned for address " + tag.address(), now, readings);
                continue;
            }
            try {
                good(tag, raw, now, readings);
            } catch (IllegalArgumentException e) {
                bad(tag, e.getMessage(), now, readings);
            }
        }
        return readings;
    }

    private static String failedTagId(List<TagConfig> group, String failedAlias) {
        for (int i = 0; i < group.size(); i++) {
            if (alias(i).equals(failedAlias)) {
                return group.get(i).id();
            }
        }
        return failedAlias;
    }

    private void good(TagConfig tag, Object raw, Instant now, List<Reading> out) {
        TagState state = tagStates.computeIfAbsent(tag.id(), id -> new TagState());
        Reading reading = switch (tag.dataType()) {
            case NUMBER -> new Reading(tag, new Quantity(inRange(tag, number(tag, raw)), tag.unit()), null, SampleQuality.GOOD, null, now);
            case BOOLEAN -> new Reading(tag, new Quantity(bool(tag, raw) ? BigDecimal.ONE : BigDecimal.ZERO, tag.unit()), null,
                    SampleQuality.GOOD, null, now);
            case TEXT -> new Reading(tag, null, String.valueOf(raw), SampleQuality.GOOD, null, now);
        };
        synchronized (state) {
            boolean qualityChanged = state.quality != SampleQuality.GOOD;
            if (!qualityChanged && state.lastGood != null && !outsideDeadband(tag, state.lastGood, reading)) {
                return;
            }
            state.quality = SampleQuality.GOOD;
            state.lastGood = reading;
        }
        out.add(reading);
    }

    private void flagged(TagConfig tag, String reason, Instant now, List<Reading> out) {
        TagState state = tagStates.computeIfAbsent(tag.id(), id -> new TagState());
        synchronized (state) {
            if (state.lastGood == null) {
                if (state.quality == SampleQuality.BAD && !state.badByAnswer) {
                    return;
                }
                state.quality = SampleQuality.BAD;
                state.badByAnswer = false;
                out.add(new Reading(tag, null, null, SampleQuality.BAD, reason, now));
                return;
            }
            if (state.quality == SampleQuality.STALE) {
                return;
            }
            state.quality = SampleQuality.STALE;
            Reading last = state.lastGood;
            out.add(new Reading(tag, last.value(), last.textValue(), SampleQuality.STALE,
                    reason + "; last good value from " + last.sampledAt(), now));
        }
    }

    private void bad(TagConfig tag, String reason, Instant now, List<Reading> out) {
        TagState state = tagStates.computeIfAbsent(tag.id(), id -> new TagState());
        synchronized (state) {
            if (state.quality == SampleQuality.BAD && state.badByAnswer) {
                return;
            }
            state.quality = SampleQuality.BAD;
            state.badByAnswer = true;
        }
        out.add(new Reading(tag, null, null, SampleQuality.BAD, reason, now));
    }

    /** Current quality per tag id, for health and status. */
    public Map<String, SampleQuality> qualities(Collection<TagConfig> tags) {
        Map<String, SampleQuality> qualities = new TreeMap<>();
        for (TagConfig tag : tags) {
            TagState state = tagStates.get(tag.id());
            qualities.put(tag.id(), state == null || state.quality == null ? SampleQuality.BAD : state.quality);
        }
        return qualities;
    }

    /** A value outside the tag's configured range is a sensor or address fault, not a measurement. */
    private static BigDecimal inRange(TagConfig tag, BigDecimal value) {
        if ((tag.rangeMin() != null && value.compareTo(tag.rangeMin()) < 0) || (tag.rangeMax() != null && value.compareTo(tag.rangeMax()) > 0)) {
            throw new IllegalArgumentException("value " + value.toPlainString() + " of tag " + tag.id() + " is outside its range ["
                    + (tag.rangeMin() == null ? "" : tag.rangeMin().toPlainString()) + ", "
                    + (tag.rangeMax() == null ? "" : tag.rangeMax().toPlainString()) + "]");
        }
        return value;
    }

    private static boolean outsideDeadband(TagConfig tag, Reading last, Reading current) {
        if (tag.tagClass() == TagClass.EVENT) {
            // machine signals are forwarded on change only
            boolean valueChanged = last.value() == null || current.value() == null
                    ? last.value() != current.value()
                    : last.value().value().compareTo(current.value().value()) != 0;
            return valueChanged || !java.util.Objects.equals(last.textValue(), current.textValue());
        }
        if (tag.deadband().signum() == 0 || last.value() == null || current.value() == null) {
            return true;
        }
        return current.value().value().subtract(last.value().value()).abs().compareTo(tag.deadband()) >= 0;
    }

    private static BigDecimal number(TagConfig tag, Object raw) {
        Object value = single(tag, raw);
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("value " + d + " of tag " + tag.id() + " is not a finite number");
            }
            // a single-precision REAL (S7, Modbus) keeps its own shortest decimal: 23.7f is 23.7, not 23.700000762939453
            return new BigDecimal(value instanceof Float f ? Float.toString(f) : Double.toString(d));
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + value + "' of tag " + tag.id() + " is not a number");
        }
    }

    private static boolean bool(TagConfig tag, Object raw) {
        Object value = single(tag, raw);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException("value '" + value + "' of tag " + tag.id() + " is not a boolean");
    }

    /** Array addresses ({@code [n]}) are not samples: one tag, one value. */
    private static Object single(TagConfig tag, Object raw) {
        if (raw instanceof List<?> list) {
            if (list.size() == 1) {
                return list.get(0);
            }
            throw new IllegalArgumentException("tag " + tag.id() + " returned " + list.size() + " values; address one value per tag");
        }
        return raw;
    }

    private static final class TagState {
        SampleQuality quality;
        Reading lastGood;
        /** BAD from the PLC's answer for this tag (refused address, unusable value), not from no answer at all. */
        boolean badByAnswer;
    }
}
