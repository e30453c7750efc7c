package io.bokit.jdbc;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A booking as a row of {@code <prefix>booking}: key columns, the current values, the baseline
 * values (columns prefixed {@code base_}) and the soft-delete flag. A single event's recurrence id is
 * stored as {@code ''} so that the primary key (feed, uid, recurrence id) has no NULL.
 */
final class BookingRows {
    static final String NO_RECURRENCE = "";

    private static final List<String> DATA_COLUMNS =
            List.of("status", "guest_name", "check_in", "check_out", "start_at", "end_at", "metadata");
    /** Every column but the key ones, in parameter order. */
    static final List<String> VALUE_COLUMNS = valueColumns();
    /** The key columns, in parameter order. */
    static final List<String> KEY_COLUMNS = List.of("feed_id", "uid", "recurrence_id");
    /** The columns {@link #read} wants, in this order: the key columns, then the value columns. */
    static final List<String> SELECTED_COLUMNS = selectedColumns();

    private BookingRows() {}

    /** The parameters of {@link #VALUE_COLUMNS}. */
    static List<Object> values(Booking booking) {
        List<Object> params = new ArrayList<>();
        params.add(booking.calendar().value());
        addData(params, booking.current());
        addData(params, booking.baseline());
        params.add(booking.deleted());
        return params;
    }

    /** The parameters of {@link #KEY_COLUMNS}. */
    static List<Object> key(FeedId feed, BookingKey key) {
        return List.of(feed.value(), key.uid(), recurrenceId(key));
    }

    /** The stored recurrence id of a key. */
    static String recurrenceId(BookingKey key) {
        return key.recurrenceId() == null ? NO_RECURRENCE : key.recurrenceId();
    }

    /**
     * The booking in the current row, selected as {@link #SELECTED_COLUMNS}: read by position, since a driver
     * looks a column's name up on every call (H2 upper-cases it each time).
     */
    static Booking read(ResultSet row) throws SQLException {
        return new Booking(
                CalendarKey.of(row.getString(4)),
                FeedId.of(row.getString(1)),
                new BookingKey(row.getString(2), row.getString(3)),
                readData(row, 5),
                readData(row, 5 + DATA_COLUMNS.size()),
                row.getBoolean(5 + 2 * DATA_COLUMNS.size()));
    }

    private static void addData(List<Object> params, BookingData data) {
        params.add(data.status().code());
        params.add(Column.param(data.guestName()));
        params.add(data.checkIn());
        params.add(data.checkOut());
        params.add(Column.param(data.start()));
        params.add(Column.param(data.end()));
        params.add(MetadataCodec.encode(data.metadata()));
    }

    /** The data whose first column ({@code status}) is at {@code first}, in {@link #DATA_COLUMNS}' order. */
    private static BookingData readData(ResultSet row, int first) throws SQLException {
        return new BookingData(
                BookingStatus.fromCode(row.getString(first)),
                row.getString(first + 1),
                row.getObject(first + 2, LocalDate.class),
                row.getObject(first + 3, LocalDate.class),
                Column.zoned(row.getString(first + 4)),
                Column.zoned(row.getString(first + 5)),
                MetadataCodec.decode(row.getString(first + 6)));
    }

    private static List<String> valueColumns() {
        List<String> columns = new ArrayList<>();
        columns.add("calendar_key");
        columns.addAll(DATA_COLUMNS);
        DATA_COLUMNS.forEach(column -> columns.add("base_" + column));
        columns.add("deleted");
        return List.copyOf(columns);
    }

    private static List<String> selectedColumns() {
        List<String> columns = new ArrayList<>(KEY_COLUMNS);
        columns.addAll(VALUE_COLUMNS);
        return List.copyOf(columns);
    }
}
