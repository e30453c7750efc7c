package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.Overlap;
import io.bokit.core.domain.RunFeed;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The schema initializer on a real database; each test uses table prefixes of its own. */
abstract class SchemaTests {
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    abstract TestDatabase database();

    private static String newPrefix() {
        return "s" + PREFIXES.incrementAndGet() + "_";
    }

    private int version(String prefix) {
        return (int) database().queryLong("SELECT MAX(version) FROM " + prefix + "schema_version");
    }

    private boolean hasTables(String prefix) {
        return database().run(connection -> new SchemaInitializer(
                                new Jdbc(database().dataSource()), database().dialect(), TablePrefix.of(prefix))
                        .currentVersion(connection))
                > 0;
    }

    /** A new prefix whose tables are those of schema version 1, made by that version's script. */
    private String versionOneTables() {
        return tablesOfVersion(1);
    }

    /** A new prefix whose tables are those of a schema version, made by the scripts up to that version. */
    private String tablesOfVersion(int version) {
        String prefix = newPrefix();
        SchemaInitializer initializer = new SchemaInitializer(
                new Jdbc(database().dataSource()), database().dialect(), TablePrefix.of(prefix));
        database().run(connection -> {
            for (int v = 1; v <= version; v++) {
                initializer.apply(connection, v);
            }
            return null;
        });
        return prefix;
    }

    private BokitJdbc build(String prefix, InitializeMode mode) {
        return BokitJdbc.builder(database().dataSource())
                .tablePrefix(prefix)
                .initialize(mode)
                .build();
    }

    @Test
    void createsTablesAndRecordsVersionWhenAlways() {
        // given
        String prefix = newPrefix();

        // when
        BokitJdbc stores = build(prefix, InitializeMode.ALWAYS);

        // then
        assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION);
        assertThat(stores.dialect()).isEqualTo(database().dialect());
        stores.options().store("sync.interval", "600");
        assertThat(stores.options().load("sync.interval")).contains("600");
        assertThat(stores.syncState().load().lastClaim()).isNull();
    }

    @Test
    void onH2ARecordedVersionWhoseTableIsMissingIsMadeWholeByTheUpgrade() {
        // given version 1 recorded, but its feed table missing: what a racing H2 initializer can leave
        assumeTrue(database().dialect() == Dialect.H2, "PostgreSQL locks the schema and rolls DDL back");
        String prefix = versionOneTables();
        database().execute("DROP TABLE " + prefix + "feed");
        assertThat(version(prefix)).isEqualTo(1);

        // when
        BokitJdbc stores = build(prefix, InitializeMode.ALWAYS);

        // then
        assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION);
        assertThat(stores.feedCatalog().feeds()).isEmpty();
    }

    @Test
    void upgradesVersionOneTablesKeepingTheirRows() {
        // given tables of schema version 1, holding an option, a feed with two live bookings and a
        // soft-deleted one, and a history entry
        String prefix = versionOneTables();
        database()
                .execute("INSERT INTO " + prefix + "option (option_key, option_value) VALUES ('sync.interval', '600')");
        database()
                .execute("INSERT INTO " + prefix + "booking_history (at_micros, calendar_key, feed_id, uid, kind)"
                        + " VALUES (1, 'seaview', 'seaview-airbnb', 'alice', 'CREATED')");
        database()
                .execute("INSERT INTO " + prefix + "feed (feed_id, calendar_key, name, url, enabled,"
                        + " consecutive_failures, consecutive_empty) VALUES ('seaview-airbnb', 'seaview', 'Airbnb',"
                        + " 'https://www.airbnb.com/calendar/ical/1.ics?s=t', TRUE, 0, 0)");
        for (String uid : List.of("alice", "bob", "carol")) {
            database()
                    .execute("INSERT INTO " + prefix + "booking (feed_id, uid, calendar_key, status, check_in,"
                            + " check_out, base_status, base_check_in, base_check_out, deleted) VALUES ('seaview-airbnb', '"
                            + uid + "', 'seaview', 'CONFIRMED', DATE '2030-07-01', DATE '2030-07-05', 'CONFIRMED',"
                            + " DATE '2030-07-01', DATE '2030-07-05', " + uid.equals("carol") + ")");
        }
        assertThat(version(prefix)).isEqualTo(1);
        assertThat(indexes(prefix, "booking")).contains("booking_check_in");

        // when
        BokitJdbc stores = build(prefix, InitializeMode.ALWAYS);

        // then the rows are there, and version 2's indexes replace version 1's
        assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION);
        assertThat(stores.options().load("sync.interval")).contains("600");
        assertThat(stores.feedCatalog()
                        .findFeed(FeedId.of("seaview-airbnb"))
                        .orElseThrow()
                        .fetchState()
                        .events())
                .as("the feed's event count, from its live bookings")
                .isEqualTo(2);
        assertThat(stores.bookingStore().history(new HistoryQuery(null, FeedId.of("seaview-airbnb"), 10)))
                .extracting(change -> change.key().uid())
                .containsExactly("alice");
        assertThat(indexes(prefix, "booking"))
                .doesNotContain("booking_check_in")
                .contains("booking_calendar");
        assertThat(indexes(prefix, "booking_history"))
                .contains("history_by_feed", "history_by_calendar")
                .doesNotContain("history_at", "history_feed", "history_calendar");
    }

    @Test
    void upgradesVersionTwoTablesKeepingTheirRowsAndAddsTheServedExportsAndTheDoubleBookingRecords() {
        // given tables of schema version 2, holding a feed with a booking and a history entry
        String prefix = tablesOfVersion(2);
        database()
                .execute("INSERT INTO " + prefix + "booking_history (at_micros, calendar_key, feed_id, uid, kind)"
                        + " VALUES (1, 'seaview', 'seaview-airbnb', 'alice', 'CREATED')");
        database()
                .execute("INSERT INTO " + prefix + "booking (feed_id, uid, calendar_key, status, check_in,"
                        + " check_out, base_status, base_check_in, base_check_out) VALUES ('seaview-airbnb', 'alice',"
                        + " 'seaview', 'CONFIRMED', DATE '2030-07-01', DATE '2030-07-05', 'CONFIRMED',"
                        + " DATE '2030-07-01', DATE '2030-07-05')");
        assertThat(version(prefix)).isEqualTo(2);
        database()
                .execute("INSERT INTO " + prefix + "feed (feed_id, calendar_key, name, url, enabled,"
                        + " consecutive_failures, consecutive_empty) VALUES ('seaview-airbnb', 'seaview', 'Airbnb',"
                        + " 'https://www.airbnb.com/calendar/ical/1.ics?s=t', TRUE, 0, 0)");
        assertThat(hasTable(prefix + "double_booking")).isFalse();
        assertThat(indexes(prefix, "export")).isEmpty();

        // when
        BokitJdbc stores = build(prefix, InitializeMode.ALWAYS);

        // then the rows are there, version 3's export table is empty with its unique token index, and
        // version 4's double-booking records can be kept
        assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION);
        assertThat(stores.feedCatalog().findFeed(FeedId.of("seaview-airbnb"))).isPresent();
        assertThat(stores.exportLinks().list()).isEmpty();
        assertThat(indexes(prefix, "export")).contains("export_token");
        assertThat(stores.bookingStore().loadFeedBookings(FeedId.of("seaview-airbnb")))
                .extracting(booking -> booking.key().uid())
                .containsExactly("alice");
        assertThat(stores.bookingStore().history(new HistoryQuery(null, FeedId.of("seaview-airbnb"), 10)))
                .hasSize(1);
        Overlap overlap = new Overlap(
                CalendarKey.of("seaview"),
                new BookingRef(FeedId.of("seaview-airbnb"), BookingKey.of("alice")),
                new BookingRef(FeedId.of("seaview-booking"), BookingKey.of("b7")),
                LocalDate.of(2030, 7, 3),
                LocalDate.of(2030, 7, 5));
        assertThat(stores.doubleBookings().open(overlap, Instant.parse("2030-06-01T10:00:00Z")))
                .isTrue();
        assertThat(stores.doubleBookings().listOpen(null))
                .extracting(DoubleBooking::overlap)
                .containsExactly(overlap);
        assertThat(indexes(prefix, "double_booking")).contains("double_booking_open", "double_booking_by_open");
    }

    @Test
    void upgradesVersionFourFeedsSoTheyRememberWhatTheirLastBodySkipped() {
        // given tables of schema version 4 holding a feed imported before skipped events were remembered
        String prefix = tablesOfVersion(4);
        database()
                .execute("INSERT INTO " + prefix + "feed (feed_id, calendar_key, name, url, enabled,"
                        + " consecutive_failures, consecutive_empty) VALUES ('seaview-airbnb', 'seaview', 'Airbnb',"
                        + " 'https://www.airbnb.com/calendar/ical/1.ics?s=t', TRUE, 0, 0)");

        // when
        BokitJdbc stores = build(prefix, InitializeMode.ALWAYS);

        // then the feed says it skipped nothing until its next import, and can remember what that skips
        assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION).isEqualTo(6);
        FetchState before = stores.feedCatalog()
                .findFeed(FeedId.of("seaview-airbnb"))
                .orElseThrow()
                .fetchState();
        assertThat(before.skipped()).isZero();
        assertThat(before.skippedReasons()).isEmpty();
        FetchState skipping = new FetchState(
                null, null, null, null, null, null, 0, null, 0, 0, 7, List.of("no DTSTART (UID a)", "duplicate UID b"));
        stores.feedCatalog().updateFetchState(FeedId.of("seaview-airbnb"), skipping);
        assertThat(stores.feedCatalog()
                        .findFeed(FeedId.of("seaview-airbnb"))
                        .orElseThrow()
                        .fetchState())
                .isEqualTo(skipping);
    }

    @Test
    void upgradesVersionFiveTablesWithTheSharedRunTables() {
        // given tables of schema version 5, before shared runs
        String prefix = tablesOfVersion(5);
        assertThat(hasTable(prefix + "run_feed")).isFalse();

        // when
        BokitJdbc stores = build(prefix, InitializeMode.ALWAYS);

        // then a run can be opened, claimed and closed on them
        assertThat(version(prefix)).isEqualTo(6);
        assertThat(hasTable(prefix + "run")).isTrue();
        assertThat(hasTable(prefix + "run_slot")).isTrue();
        assertThat(indexes(prefix, "run_feed")).contains("run_feed_by_host");
        RunLease lease = new RunLease(
                "web-1:1", "t", Instant.parse("2025-06-01T10:00:00Z"), Instant.parse("2025-06-01T10:15:00Z"));
        stores.sharedRuns()
                .open("run-1", lease, List.of(new RunFeed(FeedId.of("seaview-airbnb"), "Airbnb", "www.airbnb.com")), 1);
        assertThat(stores.sharedRuns().openRun()).map(run -> run.id()).hasValue("run-1");
    }

    private boolean hasTable(String table) {
        return database().run(connection -> {
            try (ResultSet tables = connection
                    .getMetaData()
                    .getTables(
                            connection.getCatalog(),
                            connection.getSchema(),
                            database().dialect().storedIdentifier(table),
                            null)) {
                return tables.next();
            }
        });
    }

    /** The names of a table's indexes, lower case, without the prefix. */
    private List<String> indexes(String prefix, String table) {
        return database().run(connection -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = connection
                    .getMetaData()
                    .getIndexInfo(
                            connection.getCatalog(),
                            connection.getSchema(),
                            database().dialect().storedIdentifier(prefix + table),
                            false,
                            false)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    if (name != null && name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                        names.add(name.toLowerCase(Locale.ROOT).substring(prefix.length()));
                    }
                }
            }
            return names;
        });
    }

    @Test
    void initializesAgainWithoutChangingAnything() {
        // given
        String prefix = newPrefix();
        build(prefix, InitializeMode.ALWAYS).options().store("install.complete", "true");

        // when
        BokitJdbc again = build(prefix, InitializeMode.ALWAYS);

        // then
        assertThat(again.options().loadAll()).containsEntry("install.complete", "true");
        assertThat(database().queryLong("SELECT COUNT(*) FROM " + prefix + "schema_version"))
                .isEqualTo(SchemaInitializer.LATEST_VERSION);
        assertThat(database().queryLong("SELECT COUNT(*) FROM " + prefix + "sync_state"))
                .isEqualTo(1);
    }

    @Test
    void createsTablesInEmbeddedModeOnlyOnAnEmbeddedDatabase() {
        // given
        String prefix = newPrefix();

        // when
        build(prefix, InitializeMode.EMBEDDED);

        // then
        assertThat(hasTables(prefix)).isEqualTo(database().dialect() == Dialect.H2);
    }

    @Test
    void createsNothingInNeverMode() {
        // given
        String prefix = newPrefix();

        // when
        build(prefix, InitializeMode.NEVER);

        // then
        assertThat(hasTables(prefix)).isFalse();
    }

    @Test
    void refusesSchemaNewerThanItKnowsInEveryMode() {
        // given a database upgraded by a newer bokit-jdbc
        String prefix = newPrefix();
        build(prefix, InitializeMode.ALWAYS);
        int newer = SchemaInitializer.LATEST_VERSION + 1;
        database()
                .execute("INSERT INTO " + prefix + "schema_version (version, description) VALUES (" + newer
                        + ", 'from the future')");

        // when / then
        for (InitializeMode mode : InitializeMode.values()) {
            assertThatThrownBy(() -> build(prefix, mode))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("schema version " + newer)
                    .hasMessageContaining(
                            "newer than this bokit-jdbc knows (" + SchemaInitializer.LATEST_VERSION + ")");
        }
    }

    @Test
    void keepsTablesOfDifferentPrefixesApart() {
        // given
        BokitJdbc first = build(newPrefix(), InitializeMode.ALWAYS);
        BokitJdbc second = build(newPrefix(), InitializeMode.ALWAYS);

        // when
        first.options().store("timezone", "Europe/Lisbon");

        // then
        assertThat(second.options().loadAll()).isEmpty();
    }

    @Test
    void onMySqlRefusesASessionThatWouldCutTooLongValues() throws Exception {
        assumeTrue(database().dialect() == Dialect.MYSQL, "only MySQL and MariaDB have a non-strict mode");
        // a connection of its own, not of the pool, which would hand the session on to other tests
        try (Connection connection =
                java.sql.DriverManager.getConnection(database().url())) {
            // given a session outside strict mode
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
            }

            // when / then
            for (InitializeMode mode : InitializeMode.values()) {
                assertThatThrownBy(() -> BokitJdbc.builder(DataSources.single(connection))
                                .tablePrefix(JdbcStoreTests.PREFIX)
                                .initialize(mode)
                                .build())
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("sql_mode (NO_ENGINE_SUBSTITUTION) is not strict")
                        .hasMessageContaining("STRICT_TRANS_TABLES");
            }
        }
    }

    @Test
    void onMySqlWaitsForTheSchemaLockAndGivesItBackAfterwards() throws Exception {
        assumeTrue(database().dialect() == Dialect.MYSQL, "the schema lock of MySQL and MariaDB is a named lock");
        String prefix = newPrefix();
        ExecutorService node = Executors.newSingleThreadExecutor();
        try (Connection other = database().dataSource().getConnection()) {
            // given another node holding the schema lock
            assertThat(namedLock(other, "GET_LOCK('" + Dialect.SCHEMA_LOCK + "', 0)"))
                    .isEqualTo(1);

            // when a node initializes
            Future<BokitJdbc> started = node.submit(() -> build(prefix, InitializeMode.ALWAYS));

            // then it waits for the lock before it creates anything
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (database()
                            .queryLong("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                                    + " WHERE INFO LIKE 'SELECT GET_LOCK(%'")
                    == 0) {
                assertThat(System.nanoTime()).as("the node asks for the lock").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(started).isNotDone();
            assertThat(hasTables(prefix)).isFalse();

            // when the other node is done, the node creates the tables and gives the lock back
            assertThat(namedLock(other, "RELEASE_LOCK('" + Dialect.SCHEMA_LOCK + "')"))
                    .isEqualTo(1);
            started.get(30, TimeUnit.SECONDS);
            assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION);
            assertThat(namedLock(other, "IS_FREE_LOCK('" + Dialect.SCHEMA_LOCK + "')"))
                    .as("the lock is free again, although the node's pooled connection lives on")
                    .isEqualTo(1);
        } finally {
            node.shutdownNow();
        }
    }

    private static int namedLock(Connection connection, String call) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT " + call)) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    void letsSeveralNodesInitializeAtOnce() throws Exception {
        // given
        String prefix = newPrefix();
        int nodes = 6;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            // when
            List<Future<BokitJdbc>> started = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                started.add(pool.submit(() -> build(prefix, InitializeMode.ALWAYS)));
            }

            // then
            for (Future<BokitJdbc> node : started) {
                assertThat(node.get(60, TimeUnit.SECONDS).syncState().load().lastClaim())
                        .isNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(version(prefix)).isEqualTo(SchemaInitializer.LATEST_VERSION);
    }
}
