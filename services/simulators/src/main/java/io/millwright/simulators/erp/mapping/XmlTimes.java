package io.millwright.simulators.erp.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** xs:dateTime / xs:date ↔ java.time. Values without a time zone are read as UTC. */
public final class XmlTimes {

    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private XmlTimes() {
    }

    public static Instant toInstant(XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            value = (XMLGregorianCalendar) value.clone();
            value.setTimezone(0);
        }
        return value.toGregorianCalendar().toInstant();
    }

    public static LocalDate toLocalDate(XMLGregorianCalendar value) {
        return value == null ? null : LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    public static XMLGregorianCalendar dateTime(Instant value) {
        return value == null ? null
                : FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(value.atZone(ZoneOffset.UTC)));
    }

    public static XMLGregorianCalendar date(LocalDate value) {
        return value == null ? null
                : FACTORY.newXMLGregorianCalendarDate(value.getYear(), value.getMonthValue(), value.getDayOfMonth(),
                        DatatypeConstants.FIELD_UNDEFINED);
    }
}
