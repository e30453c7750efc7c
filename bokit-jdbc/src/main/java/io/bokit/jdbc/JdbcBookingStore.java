package io.bokit.jdbc;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.StorageException;
import io.bokit.core.port.out.BookingStorePort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * {@link BookingStorePort} over {@code <prefix>booking} and {@code <prefix>booking_history}. A change
 * set is checked, then written in one transaction: new rows with multi-row inserts of up to {@value
 * #ROWS_PER_INSERT} rows each (one statement for a feed of that size, where a batch of single-row
 * inserts costs the database one execution per row), updates as one batch; any failure rolls the
 * whole change set back.
 *
 * <p>On H2 the change sets of one process are written one at a time: H2's store lets concurrent
 * transactions race for the same tree pages and redoes the work of the losers, so several feeds
 * written at once cost more CPU than the same feeds in turn (the first import of 1,000 feeds took
 * about a quarter less CPU in bokit-bench). Fetching, parsing and reconciling stay parallel.
 * PostgreSQL takes concurrent writers as they come.
 */
final class JdbcBookingStore implements BookingStorePort {
    private static final Comparator<String> CODE_POINTS = JdbcBookingStore::compareCodePoints;
    private static final Comparator<Booking> FIND_ORDER = Comparator.comparing(
                    (Booking booking) -> booking.current().checkIn())
            .thenComparing(booking -> booking.calendar().value())
            .thenComparing(booking -> booking.feed().value())
            .thenComparing(booking -> booking.key().uid(), CODE_POINTS)
            .thenComparing(booking -> BookingRows.recurrenceId(booking.key()), CODE_POINTS);
    /** Rows per multi-row insert: few statements, and far below any driver's limit on parameters. */
    static final int ROWS_PER_INSERT = 100;

    private static final List<String> HISTORY_COLUMNS = List.of(
            "at_micros", "calendar_key", "feed_id", "uid", "recurrence_id", "kind", "field", "old_value", "new_value");

    private final Jdbc jdbc;
    private final boolean oneWriterAtATime;
    private final ReentrantLock writes = new ReentrantLock();
    private final String bookingTable;
    private final String historyTable;
    private final String selectBookings;
    private final List<String> bookingColumns;
    private final String updateBooking;

    JdbcBookingStore(Jdbc jdbc, Dialect dialect, TablePrefix prefix) {
        this.jdbc = jdbc;
        this.oneWriterAtATime = dialect == Dialect.H2;
        this.bookingTable = prefix.table("booking");
        this.historyTable = prefix.table("booking_history");
        this.selectBookings = "SELECT " + String.join(", ", BookingRows.SELECTED_COLUMNS) + " FROM " + bookingTable;
        this.bookingColumns = new ArrayList<>(BookingRows.VALUE_COLUMNS);
        bookingColumns.addAll(BookingRows.KEY_COLUMNS);
        this.updateBooking = "UPDATE " + bookingTable + " SET " + String.join(" = ?, ", BookingRows.VALUE_COLUMNS)
                + " = ? WHERE feed_id = ? AND uid = ? AND recurrence_id = ?";
    }

    @Override
    public List<Booking> loadFeedBookings(FeedId feed) {
        Objects.requireNonNull(feed, "feed");
        String sql = selectBookings + " WHERE feed_id = ?";
        return jdbc.run(
                "load the bookings of feed " + feed,
                connection -> Jdbc.query(connection, sql, List.of(feed.value()), BookingRows::read));
    }

    @Override
    public void apply(FeedChangeSet changes) {
        Objects.requireNonNull(changes, "changes");
        requireEachKeyOnce(changes);
        if (changes.isEmpty()) {
            return;
        }
        FeedId feed = changes.feed();
        if (!oneWriterAtATime) {
            applyInTransaction(feed, changes);
            return;
        }
        writes.lock();
        try {
            applyInTransaction(feed, changes);
        } finally {
            writes.unlock();
        }
    }

    private void applyInTransaction(FeedId feed, FeedChangeSet changes) {
        jdbc.inTransaction("apply the changes of feed " + feed, connection -> {
            requireStoredAsExpected(connection, changes);
            Function<Booking, List<Object>> row = booking -> {
                List<Object> params = new ArrayList<>(BookingRows.values(booking));
                params.addAll(BookingRows.key(feed, booking.key()));
                return params;
            };
            insertRows(connection, bookingTable, bookingColumns, changes.inserts(), row);
            batch(connection, updateBooking, changes.updates(), row);
            insertRows(connection, historyTable, HISTORY_COLUMNS, changes.history(), JdbcBookingStore::historyParams);
            return null;
        });
    }

    @Override
    public List<Booking> find(BookingQuery query) {
        Objects.requireNonNull(query, "query");
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.calendar() != null) {
            where.add("calendar_key = ?");
            params.add(query.calendar().value());
        }
        if (query.from() != null) {
            where.add("check_out > ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            where.add("check_in < ?");
            params.add(query.to());
        }
        if (!query.statuses().isEmpty()) {
            where.add("status IN (" + placeholders(query.statuses().size()) + ")");
            query.statuses().stream().map(BookingStatus::code).sorted().forEach(params::add);
        }
        if (!query.includeDeleted()) {
            where.add("deleted = FALSE");
        }
        String sql = selectBookings + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        List<Booking> found =
                jdbc.run("find bookings", connection -> Jdbc.query(connection, sql, params, BookingRows::read));
        return found.stream().sorted(FIND_ORDER).toList();
    }

    @Override
    public List<BookingChange> history(HistoryQuery query) {
        Objects.requireNonNull(query, "query");
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.calendar() != null) {
            where.add("calendar_key = ?");
            params.add(query.calendar().value());
        }
        if (query.feed() != null) {
            where.add("feed_id = ?");
            params.add(query.feed().value());
        }
        params.add(query.limit());
        String sql = "SELECT " + String.join(", ", HISTORY_COLUMNS) + " FROM " + historyTable
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC LIMIT ?";
        return jdbc.run(
                "read the change history", connection -> Jdbc.query(connection, sql, params, JdbcBookingStore::change));
    }

    /** Refuses a change set that names a key twice, before touching the database. */
    private static void requireEachKeyOnce(FeedChangeSet changes) {
        Set<BookingKey> named = new HashSet<>();
        for (Booking booking : concat(changes.inserts(), changes.updates())) {
            if (!named.add(booking.key())) {
                throw new StorageException("Booking " + booking.key() + " of feed " + changes.feed()
                        + " is twice in one change set; nothing was applied");
            }
        }
    }

    /** Refuses inserts of stored keys and updates of keys not stored; reads the feed's keys in the transaction. */
    private void requireStoredAsExpected(Connection connection, FeedChangeSet changes) throws SQLException {
        String sql = "SELECT uid, recurrence_id FROM " + bookingTable + " WHERE feed_id = ?";
        Set<BookingKey> stored = new HashSet<>(Jdbc.query(
                connection,
                sql,
                List.of(changes.feed().value()),
                row -> new BookingKey(row.getString(1), row.getString(2))));
        for (Booking booking : changes.inserts()) {
            if (stored.contains(booking.key())) {
                throw new StorageException("Cannot insert booking " + booking.key() + " of feed " + changes.feed()
                        + ": it is stored; nothing was applied");
            }
        }
        for (Booking booking : changes.updates()) {
            if (!stored.contains(booking.key())) {
                throw new StorageException("Cannot update booking " + booking.key() + " of feed " + changes.feed()
                        + ": it is not stored; nothing was applied");
            }
        }
    }

    /** Inserts one row per item, {@link #ROWS_PER_INSERT} rows per statement; each must insert all its rows. */
    private static <T> void insertRows(
            Connection connection, String table, List<String> columns, List<T> items, Function<T, List<Object>> params)
            throws SQLException {
        for (int from = 0; from < items.size(); from += ROWS_PER_INSERT) {
            List<T> rows = items.subList(from, Math.min(items.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement statement = connection.prepareStatement(insert(table, columns, rows.size()))) {
                int position = 1;
                for (T item : rows) {
                    position = Jdbc.bind(statement, position, params.apply(item));
                }
                int inserted = statement.executeUpdate();
                if (inserted != rows.size()) {
                    throw new StorageException(
                            "An insert into " + table + " added " + inserted + " rows instead of " + rows.size());
                }
            }
        }
    }

    /** Runs one statement for every item as one batch; every item must change exactly one row. */
    private static <T> void batch(Connection connection, String sql, List<T> items, Function<T, List<Object>> params)
            throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                Jdbc.bind(statement, params.apply(item));
                statement.addBatch();
            }
            for (int count : statement.executeBatch()) {
                if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                    throw new StorageException("A batched write changed " + count + " rows instead of 1");
                }
            }
        }
    }

    private static List<Object> historyParams(BookingChange change) {
        return List.of(
                Column.micros(change.at()),
                change.calendar().value(),
                change.feed().value(),
                change.key().uid(),
                BookingRows.recurrenceId(change.key()),
                change.kind().name(),
                Column.param(change.field()),
                Column.param(change.oldValue()),
                Column.param(change.newValue()));
    }

    private static BookingChange change(ResultSet row) throws SQLException {
        return new BookingChange(
                Column.instant(row, "at_micros"),
                CalendarKey.of(row.getString("calendar_key")),
                FeedId.of(row.getString("feed_id")),
                new BookingKey(row.getString("uid"), row.getString("recurrence_id")),
                ChangeKind.valueOf(row.getString("kind")),
                row.getString("field"),
                row.getString("old_value"),
                row.getString("new_value"));
    }

    /** {@code INSERT INTO table (columns) VALUES (?, …), …} for {@code rows} rows. */
    private static String insert(String table, List<String> columns, int rows) {
        String row = "(" + placeholders(columns.size()) + ")";
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, row));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static <T> List<T> concat(Collection<T> first, Collection<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
