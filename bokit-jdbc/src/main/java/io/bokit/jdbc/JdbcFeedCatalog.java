package io.bokit.jdbc;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.FetchState;
import io.bokit.core.port.out.FeedCatalogPort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link FeedCatalogPort} over the tables {@code <prefix>calendar} and {@code <prefix>feed}. */
final class JdbcFeedCatalog implements FeedCatalogPort {
    private static final List<String> FETCH_COLUMNS = List.of(
            "etag",
            "last_modified",
            "body_hash",
            "last_attempt",
            "last_success",
            "last_error",
            "consecutive_failures",
            "backoff_until",
            "consecutive_empty",
            "event_count",
            "skipped_count",
            "skipped_reasons");
    private static final List<String> FEED_COLUMNS =
            concat(List.of("feed_id", "calendar_key", "name", "url", "enabled"), FETCH_COLUMNS);

    private final Jdbc jdbc;
    private final String calendarTable;
    private final String feedTable;
    private final String saveCalendar;
    private final String saveFeed;
    private final String updateFetchState;

    JdbcFeedCatalog(Jdbc jdbc, Dialect dialect, TablePrefix prefix) {
        this.jdbc = jdbc;
        this.calendarTable = prefix.table("calendar");
        this.feedTable = prefix.table("feed");
        this.saveCalendar =
                dialect.upsert(calendarTable, List.of("calendar_key"), List.of("calendar_key", "name", "zone_id"));
        this.saveFeed = dialect.upsert(feedTable, List.of("feed_id"), FEED_COLUMNS);
        this.updateFetchState =
                "UPDATE " + feedTable + " SET " + String.join(" = ?, ", FETCH_COLUMNS) + " = ? WHERE feed_id = ?";
    }

    @Override
    public List<Calendar> calendars() {
        return selectCalendars("list the calendars", "", List.of());
    }

    @Override
    public Optional<Calendar> findCalendar(CalendarKey key) {
        Objects.requireNonNull(key, "key");
        return selectCalendars("find calendar " + key, " WHERE calendar_key = ?", List.of(key.value())).stream()
                .findFirst();
    }

    @Override
    public void saveCalendar(Calendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        List<Object> params =
                List.of(calendar.key().value(), calendar.name(), calendar.zone().getId());
        jdbc.run("save calendar " + calendar.key(), connection -> Jdbc.update(connection, saveCalendar, params));
    }

    @Override
    public boolean removeCalendar(CalendarKey key) {
        Objects.requireNonNull(key, "key");
        String sql = "DELETE FROM " + calendarTable + " WHERE calendar_key = ?";
        return jdbc.run("remove calendar " + key, connection -> Jdbc.update(connection, sql, List.of(key.value())) > 0);
    }

    @Override
    public List<Feed> feeds() {
        return selectFeeds("list the feeds", "", List.of());
    }

    @Override
    public Optional<Feed> findFeed(FeedId id) {
        Objects.requireNonNull(id, "id");
        return selectFeeds("find feed " + id, " WHERE feed_id = ?", List.of(id.value())).stream()
                .findFirst();
    }

    @Override
    public void saveFeed(Feed feed) {
        Objects.requireNonNull(feed, "feed");
        List<Object> params = new ArrayList<>(List.of(
                feed.id().value(),
                feed.calendar().value(),
                feed.name(),
                feed.url().reveal().toString(),
                feed.enabled()));
        params.addAll(fetchParams(feed.fetchState()));
        jdbc.run("save feed " + feed.id(), connection -> Jdbc.update(connection, saveFeed, params));
    }

    @Override
    public boolean setEnabled(FeedId id, boolean enabled) {
        Objects.requireNonNull(id, "id");
        String sql = "UPDATE " + feedTable + " SET enabled = ? WHERE feed_id = ?";
        return jdbc.run(
                "enable or disable feed " + id,
                connection -> Jdbc.update(connection, sql, List.of(enabled, id.value())) > 0);
    }

    @Override
    public boolean removeFeed(FeedId id) {
        Objects.requireNonNull(id, "id");
        String sql = "DELETE FROM " + feedTable + " WHERE feed_id = ?";
        return jdbc.run("remove feed " + id, connection -> Jdbc.update(connection, sql, List.of(id.value())) > 0);
    }

    @Override
    public boolean updateFetchState(FeedId id, FetchState state) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        List<Object> params = new ArrayList<>(fetchParams(state));
        params.add(id.value());
        return jdbc.run(
                "update the fetch state of feed " + id,
                connection -> Jdbc.update(connection, updateFetchState, params) > 0);
    }

    private List<Calendar> selectCalendars(String what, String where, List<Object> params) {
        String sql = "SELECT calendar_key, name, zone_id FROM " + calendarTable + where;
        List<Calendar> calendars = jdbc.run(
                what,
                connection -> Jdbc.query(
                        connection,
                        sql,
                        params,
                        row -> new Calendar(
                                CalendarKey.of(row.getString("calendar_key")),
                                row.getString("name"),
                                ZoneId.of(row.getString("zone_id")))));
        // keys are ASCII: String order is code-point order, whatever the database's collation
        return calendars.stream()
                .sorted(Comparator.comparing(calendar -> calendar.key().value()))
                .toList();
    }

    private List<Feed> selectFeeds(String what, String where, List<Object> params) {
        String sql = "SELECT " + String.join(", ", FEED_COLUMNS) + " FROM " + feedTable + where;
        List<Feed> feeds = jdbc.run(what, connection -> Jdbc.query(connection, sql, params, JdbcFeedCatalog::feed));
        return feeds.stream()
                .sorted(Comparator.comparing(feed -> feed.id().value()))
                .toList();
    }

    private static Feed feed(ResultSet row) throws SQLException {
        FetchState state = new FetchState(
                row.getString("etag"),
                row.getString("last_modified"),
                row.getString("body_hash"),
                Column.instant(row, "last_attempt"),
                Column.instant(row, "last_success"),
                row.getString("last_error"),
                row.getInt("consecutive_failures"),
                Column.instant(row, "backoff_until"),
                row.getInt("consecutive_empty"),
                row.getInt("event_count"),
                row.getInt("skipped_count"),
                reasons(row.getString("skipped_reasons")));
        return new Feed(
                CalendarKey.of(row.getString("calendar_key")),
                FeedId.of(row.getString("feed_id")),
                row.getString("name"),
                FeedUrl.parse(row.getString("url")),
                row.getBoolean("enabled"),
                state);
    }

    private static List<Object> fetchParams(FetchState state) {
        return List.of(
                Column.param(state.etag()),
                Column.param(state.lastModified()),
                Column.param(state.bodyHash()),
                Column.param(state.lastAttempt()),
                Column.param(state.lastSuccess()),
                Column.param(state.lastError()),
                state.consecutiveFailures(),
                Column.param(state.backoffUntil()),
                state.consecutiveEmpty(),
                state.events(),
                state.skipped(),
                Column.param(reasonsText(state.skippedReasons())));
    }

    /**
     * Skipped reasons as one text, a line each, or null for none: {@link FetchState} keeps at most five lines
     * without line breaks, of {@link FetchState#MAX_REASON_LENGTH} characters, well inside the column.
     */
    private static String reasonsText(List<String> reasons) {
        return reasons.isEmpty() ? null : String.join("\n", reasons);
    }

    /** The skipped reasons in a {@code skipped_reasons} column. */
    private static List<String> reasons(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
