package io.millwright.model.xml;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.Temporal;
import java.util.Locale;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * xs:dateTime ↔ {@link OffsetDateTime} when the value carries a zone, {@link LocalDateTime} when it does not. For
 * the few elements whose meaning depends on whether the sender gave a zone (an ERP due date without one is a day as
 * written, not an instant); every other xs:dateTime is an {@link java.time.Instant} ({@link XmlDateTimeAdapter}).
 * Written with milliseconds, as the contracts have always carried them.
 */
public final class XmlDateTimeAsWrittenAdapter extends XmlAdapter<String, Temporal> {

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter WRITE_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter WRITE_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    @Override
    public Temporal unmarshal(String value) {
        return parse(value);
    }

    @Override
    public String marshal(Temporal value) {
        return print(value);
    }

    static Temporal parse(String value) {
        return value == null ? null : (Temporal) READ.parseBest(value.trim(), OffsetDateTime::from, LocalDateTime::from);
    }

    static String print(Temporal value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime zoned) {
            return WRITE_OFFSET.format(zoned);
        }
        if (value instanceof LocalDateTime local) {
            return WRITE_LOCAL.format(local);
        }
        throw new IllegalArgumentException("xs:dateTime is an OffsetDateTime or a LocalDateTime, not " + value.getClass().getName());
    }
}
