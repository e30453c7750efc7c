package io.bokit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * How bokit's values become column values and back. Instants are stored as epoch microseconds in a
 * {@code BIGINT} (PostgreSQL's own resolution; anything finer is truncated), so both dialects and the
 * database's clock compare them alike; zoned date-times as ISO text with their zone id.
 */
final class Column {
    /** An SQL NULL of a given type, as a statement parameter. */
    record Null(int sqlType) {}

    private static final Null NULL_BIGINT = new Null(Types.BIGINT);
    private static final Null NULL_VARCHAR = new Null(Types.VARCHAR);

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private Column() {}

    /** The epoch microseconds of an instant (rounded down). */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
    }

    /** A duration in whole microseconds (rounded down). */
    static long micros(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND), duration.getNano() / 1000);
    }

    /** The instant of epoch microseconds. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }

    /** An instant as a parameter: its epoch microseconds, or a typed NULL. */
    static Object param(Instant instant) {
        return instant == null ? NULL_BIGINT : micros(instant);
    }

    /** Text as a parameter, or a typed NULL. */
    static Object param(String text) {
        return text == null ? NULL_VARCHAR : text;
    }

    /** A zoned date-time as a parameter: ISO text with zone id, or a typed NULL. */
    static Object param(ZonedDateTime dateTime) {
        return dateTime == null ? NULL_VARCHAR : dateTime.toString();
    }

    /** The instant in a column of epoch microseconds, or null. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null : instant(micros);
    }

    /** The zoned date-time of a column's ISO text, or null. */
    static ZonedDateTime zoned(String text) {
        return text == null ? null : ZonedDateTime.parse(text);
    }

    /** The date in a DATE column, or null. */
    static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }
}
