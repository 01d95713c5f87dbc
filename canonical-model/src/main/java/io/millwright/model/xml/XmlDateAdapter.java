package io.millwright.model.xml;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * xs:date ↔ {@link LocalDate} for JAXB (the global binding of the ERP contracts). Read as written: a zone, if the
 * sender gave one, is ignored. Written without a zone ({@code 2026-12-15}).
 */
public final class XmlDateAdapter extends XmlAdapter<String, LocalDate> {

    @Override
    public LocalDate unmarshal(String value) {
        return value == null ? null : LocalDate.parse(value.trim(), DateTimeFormatter.ISO_DATE);
    }

    @Override
    public String marshal(LocalDate value) {
        return value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(value);
    }
}
