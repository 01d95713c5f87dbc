package io.millwright.model.xml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * xs:dateTime ↔ {@link Instant} for JAXB (the global binding of the ERP contracts, {@code docs/contracts/erp/java-time.xjb}).
 * A value without a zone is read as UTC. Written in UTC with milliseconds ({@code 2026-11-22T09:00:00.000Z}), as the
 * contracts have always carried it, so a retried request is the identical request.
 */
public final class XmlDateTimeAdapter extends XmlAdapter<String, Instant> {

    @Override
    public Instant unmarshal(String value) {
        Temporal parsed = XmlDateTimeAsWrittenAdapter.parse(value);
        if (parsed == null) {
            return null;
        }
        return parsed instanceof OffsetDateTime zoned ? zoned.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    @Override
    public String marshal(Instant value) {
        return value == null ? null : XmlDateTimeAsWrittenAdapter.print(value.atOffset(ZoneOffset.UTC));
    }
}
