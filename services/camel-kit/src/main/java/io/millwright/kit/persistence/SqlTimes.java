package io.millwright.kit.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Timestamps as native SQL queries return them (the JDBC driver's type varies with the column and driver version). */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
