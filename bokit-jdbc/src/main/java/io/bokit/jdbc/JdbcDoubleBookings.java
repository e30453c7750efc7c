package io.bokit.jdbc;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Overlap;
import io.bokit.core.port.out.DoubleBookingsPort;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@link DoubleBookingsPort} over {@code <prefix>double_booking}. A unique index over the overlap and an "open"
 * marker (1, or NULL once closed) keeps at most one open record per overlap, even when nodes open it at once (on
 * MySQL and MariaDB the index is over a hash of both, a generated column, since the overlap is too long to index).
 */
final class JdbcDoubleBookings implements DoubleBookingsPort {
    private static final List<String> KEY_COLUMNS = List.of(
            "calendar_key",
            "first_feed_id",
            "first_uid",
            "first_recurrence_id",
            "second_feed_id",
            "second_uid",
            "second_recurrence_id",
            "nights_from",
            "nights_to");
    private static final Comparator<DoubleBooking> OPEN_ORDER = Comparator.comparing(
                    (DoubleBooking record) -> record.calendar().value())
            .thenComparing(record -> record.overlap().from())
            .thenComparing(record -> record.overlap().first())
            .thenComparing(record -> record.overlap().second());

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String table;
    private final String select;
    private final String whereOpenOverlap;

    JdbcDoubleBookings(Jdbc jdbc, Dialect dialect, TablePrefix prefix) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.table = prefix.table("double_booking");
        this.select = "SELECT " + String.join(", ", KEY_COLUMNS) + ", found_at, closed_at FROM " + table;
        this.whereOpenOverlap = " WHERE " + String.join(" = ? AND ", KEY_COLUMNS) + " = ? AND open_marker = 1";
    }

    @Override
    public boolean open(Overlap overlap, Instant foundAt) {
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(foundAt, "foundAt");
        List<Object> params = new ArrayList<>(key(overlap));
        params.add(Column.micros(foundAt));
        String insert = "INSERT INTO " + table + " (" + String.join(", ", KEY_COLUMNS) + ", found_at, open_marker)";
        String sql;
        if (dialect == Dialect.MYSQL) {
            // the unique index alone: InnoDB would lock the gap that a NOT EXISTS reads, and two nodes opening the
            // same record could deadlock instead of one of them finding it open; a duplicate fails only the statement
            sql = insert + " VALUES (" + placeholders(KEY_COLUMNS.size() + 1) + ", 1)";
        } else {
            // a unique violation would abort a caller's transaction on PostgreSQL: look first, the index settles races
            params.addAll(key(overlap));
            sql = insert + " SELECT " + placeholders(KEY_COLUMNS.size() + 1) + ", 1"
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + table + whereOpenOverlap + ")";
        }
        return jdbc.run("open a double-booking record", connection -> insertOnce(connection, sql, params));
    }

    /** Inserts, counting a unique violation (another node opened it at the same time) as not inserted. */
    private static boolean insertOnce(Connection connection, String sql, List<Object> params) throws SQLException {
        try {
            return Jdbc.update(connection, sql, params) > 0;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean close(Overlap overlap, Instant closedAt) {
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(closedAt, "closedAt");
        List<Object> params = new ArrayList<>();
        params.add(Column.micros(closedAt));
        params.addAll(key(overlap));
        params.add(Column.micros(closedAt));
        String sql =
                "UPDATE " + table + " SET closed_at = ?, open_marker = NULL" + whereOpenOverlap + " AND found_at <= ?";
        return jdbc.run("close a double-booking record", connection -> Jdbc.update(connection, sql, params) > 0);
    }

    @Override
    public List<DoubleBooking> listOpen(CalendarKey calendar) {
        List<Object> params = new ArrayList<>();
        String sql = select + " WHERE open_marker = 1";
        if (calendar != null) {
            sql += " AND calendar_key = ?";
            params.add(calendar.value());
        }
        String query = sql;
        List<DoubleBooking> found = jdbc.run(
                "list the open double bookings",
                connection -> Jdbc.query(connection, query, params, JdbcDoubleBookings::read));
        return found.stream().sorted(OPEN_ORDER).toList();
    }

    @Override
    public List<DoubleBooking> recent(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("The limit must be 1 or more, was " + limit);
        }
        String sql = select + " ORDER BY id DESC LIMIT ?";
        return jdbc.run(
                "list the recent double bookings",
                connection -> Jdbc.query(connection, sql, List.of(limit), JdbcDoubleBookings::read));
    }

    private static List<Object> key(Overlap overlap) {
        return List.of(
                overlap.calendar().value(),
                overlap.first().feed().value(),
                overlap.first().key().uid(),
                BookingRows.recurrenceId(overlap.first().key()),
                overlap.second().feed().value(),
                overlap.second().key().uid(),
                BookingRows.recurrenceId(overlap.second().key()),
                overlap.from(),
                overlap.to());
    }

    private static DoubleBooking read(ResultSet row) throws SQLException {
        Overlap overlap = new Overlap(
                CalendarKey.of(row.getString("calendar_key")),
                new BookingRef(
                        FeedId.of(row.getString("first_feed_id")),
                        new BookingKey(row.getString("first_uid"), row.getString("first_recurrence_id"))),
                new BookingRef(
                        FeedId.of(row.getString("second_feed_id")),
                        new BookingKey(row.getString("second_uid"), row.getString("second_recurrence_id"))),
                Column.date(row, "nights_from"),
                Column.date(row, "nights_to"));
        return new DoubleBooking(overlap, Column.instant(row, "found_at"), Column.instant(row, "closed_at"));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
