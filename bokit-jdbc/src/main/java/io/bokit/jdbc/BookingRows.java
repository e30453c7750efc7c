package io.bokit.jdbc;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The booking in the current row, which has every column. */
    static Booking read(ResultSet row) throws SQLException {
        return new Booking(
                CalendarKey.of(row.getString("calendar_key")),
                FeedId.of(row.getString("feed_id")),
                new BookingKey(row.getString("uid"), row.getString("recurrence_id")),
                readData(row, ""),
                readData(row, "base_"),
                row.getBoolean("deleted"));
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

    private static BookingData readData(ResultSet row, String prefix) throws SQLException {
        return new BookingData(
                BookingStatus.fromCode(row.getString(prefix + "status")),
                row.getString(prefix + "guest_name"),
                Column.date(row, prefix + "check_in"),
                Column.date(row, prefix + "check_out"),
                Column.zoned(row, prefix + "start_at"),
                Column.zoned(row, prefix + "end_at"),
                MetadataCodec.decode(row.getString(prefix + "metadata")));
    }

    private static List<String> valueColumns() {
        List<String> columns = new ArrayList<>();
        columns.add("calendar_key");
        columns.addAll(DATA_COLUMNS);
        DATA_COLUMNS.forEach(column -> columns.add("base_" + column));
        columns.add("deleted");
        return List.copyOf(columns);
    }
}
