package io.millwright.model.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** The ERP contracts' xs:dateTime and xs:date as java.time, and the wire text they always had. */
class XmlTimeAdaptersTest {

    private final XmlDateTimeAdapter dateTime = new XmlDateTimeAdapter();
    private final XmlDateAdapter date = new XmlDateAdapter();
    private final XmlDateTimeAsWrittenAdapter asWritten = new XmlDateTimeAsWrittenAdapter();

    @Test
    void instantsAreWrittenInUtcWithMillisecondsAndReadBack() {
        Instant sent = Instant.parse("2026-11-22T09:00:00Z");

        assertThat(dateTime.marshal(sent)).isEqualTo("2026-11-22T09:00:00.000Z");
        assertThat(dateTime.unmarshal(dateTime.marshal(sent))).isEqualTo(sent);
        assertThat(dateTime.marshal(Instant.parse("2026-11-22T09:00:00.120Z"))).isEqualTo("2026-11-22T09:00:00.120Z");
    }

    @Test
    void finerThanMillisecondsIsCutAsBefore() {
        assertThat(dateTime.marshal(Instant.parse("2026-11-22T09:00:00.123456789Z"))).isEqualTo("2026-11-22T09:00:00.123Z");
    }

    @Test
    void aValueWithoutZoneIsReadAsUtc() {
        assertThat(dateTime.unmarshal("2026-11-22T09:00:00")).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(dateTime.unmarshal(" 2026-11-22T09:00:00.5 ")).isEqualTo(Instant.parse("2026-11-22T09:00:00.500Z"));
    }

    @Test
    void anOffsetIsHonoured() {
        assertThat(dateTime.unmarshal("2026-11-22T10:00:00+01:00")).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(dateTime.unmarshal("2026-11-22T04:00:00.25-05:00")).isEqualTo(Instant.parse("2026-11-22T09:00:00.250Z"));
    }

    @Test
    void datesAreWrittenWithoutZoneAndReadAsWritten() {
        LocalDate day = LocalDate.of(2026, 12, 15);

        assertThat(date.marshal(day)).isEqualTo("2026-12-15");
        assertThat(date.unmarshal(date.marshal(day))).isEqualTo(day);
        assertThat(date.unmarshal("2026-12-15Z")).isEqualTo(day);
        assertThat(date.unmarshal("2026-12-15-10:00")).isEqualTo(day);
    }

    @Test
    void asWrittenKeepsWhetherTheSenderGaveAZone() {
        assertThat(asWritten.unmarshal("2026-12-01T00:00:00")).isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
        assertThat(asWritten.unmarshal("2026-12-01T00:00:00-06:00")).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00-06:00"));
        assertThat(asWritten.marshal(LocalDateTime.of(2026, 12, 1, 0, 0))).isEqualTo("2026-12-01T00:00:00.000");
        assertThat(asWritten.marshal(OffsetDateTime.parse("2026-12-01T00:00:00Z"))).isEqualTo("2026-12-01T00:00:00.000Z");
        assertThat(asWritten.marshal(OffsetDateTime.parse("2026-12-01T00:00:00+02:00"))).isEqualTo("2026-12-01T00:00:00.000+02:00");
    }

    @Test
    void nullStaysNullAndGarbageIsRejected() {
        assertThat(dateTime.unmarshal(null)).isNull();
        assertThat(dateTime.marshal(null)).isNull();
        assertThat(date.unmarshal(null)).isNull();
        assertThat(date.marshal(null)).isNull();
        assertThatThrownBy(() -> dateTime.unmarshal("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> date.unmarshal("15.12.2026")).isInstanceOf(DateTimeParseException.class);
    }
}
