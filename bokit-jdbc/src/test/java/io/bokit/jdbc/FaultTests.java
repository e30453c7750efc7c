package io.bokit.jdbc;

import static io.bokit.testkit.Fixtures.booking;
import static io.bokit.testkit.Fixtures.calendar;
import static io.bokit.testkit.Fixtures.change;
import static io.bokit.testkit.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.AutoSyncService;
import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.StorageException;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connection fails in the middle of a feed's transaction, at every statement in turn: that
 * feed's bookings, history and fetch state stay exactly as they were, the feed is reported failed,
 * the other feeds of the run sync, and the next run repairs it. A run whose process died holding the
 * lease is recovered once the lease expires. A database that cannot be reached never fails a request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultTests {
    static final String PREFIX = "bokit_";
    private static final FeedId FEED = FeedId.of("seaview-airbnb");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    /** The feeds of one run, in the order they sync; the middle one is the target of the faults. */
    private static final List<FeedId> FEEDS = Stream.of("seaview-airbnb", "seaview-booking", "seaview-vrbo")
            .map(FeedId::of)
            .toList();

    private static final FeedId TARGET = FeedId.of("seaview-booking");

    private final MutableClock clock = MutableClock.at("2030-01-01T10:00:00Z");
    private final AtomicReference<String> body = new AtomicReference<>();
    /** Which version of their bodies the feeds serve. */
    private final AtomicInteger bodies = new AtomicInteger();

    TestDatabase database;

    abstract TestDatabase open();

    /** What makes a connection fail just before its failing write: nothing by default (the wrapper throws). */
    DataSources.ConnectionAction killer() {
        return connection -> {};
    }

    @BeforeAll
    void openDatabase() {
        database = open();
        database.initialize(PREFIX);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) { // null when the database was missing and the class skipped
            database.close();
        }
    }

    @BeforeEach
    void emptyStore() {
        database.clear(PREFIX);
    }

    private BokitJdbc stores(DataSource dataSource, boolean dbTime) {
        return BokitJdbc.builder(dataSource)
                .tablePrefix(PREFIX)
                .initialize(InitializeMode.NEVER)
                .dbTime(dbTime)
                .build();
    }

    private BookingStorePort failingStore(DataSources.StatementFaults faults) {
        return stores(DataSources.failingStatement(database.dataSource(), faults), false)
                .bookingStore();
    }

    private Object contents() {
        BookingStorePort store = stores(database.dataSource(), false).bookingStore();
        return List.of(
                store.find(new BookingQuery(null, null, null, Set.of(), true)),
                store.history(HistoryQuery.latest(HistoryQuery.MAX_LIMIT)));
    }

    @Test
    void leavesFeedAsBeforeWhenAnyStatementOfItsTransactionFails() {
        // given
        Booking alice = booking("seaview", FEED.value(), "alice", july(1), july(5));
        Booking bob = booking("seaview", FEED.value(), "bob", july(8), july(12));
        BookingStorePort healthy = stores(database.dataSource(), false).bookingStore();
        healthy.apply(new FeedChangeSet(
                FEED, List.of(alice), List.of(), List.of(change(clock.now(), alice, ChangeKind.CREATED))));
        Object before = contents();
        Booking cancelled = alice.withCurrent(alice.current().withStatus(BookingStatus.CANCELLED));
        FeedChangeSet changes = new FeedChangeSet(
                FEED,
                List.of(bob),
                List.of(cancelled),
                List.of(change(clock.now(), bob, ChangeKind.CREATED), change(clock.now(), alice, ChangeKind.UPDATED)));

        // when statement 1, 2, … of the change set's transaction fails, until it has no such statement
        List<String> statements = null;
        for (int failAt = 1; statements == null; failAt++) {
            assertThat(failAt).as("statements of a change set of two bookings").isLessThanOrEqualTo(50);
            DataSources.StatementFaults faults = new DataSources.StatementFaults(failAt, killer(), true);
            BookingStorePort failing = failingStore(faults);
            try {
                failing.apply(changes);
            } catch (StorageException e) {
                // then that statement failed, and nothing of the change set is stored
                assertThat(faults.injected())
                        .as("statement " + failAt + " failed")
                        .isTrue();
                assertThat(e).hasMessageContaining("apply the changes of feed " + FEED);
                assertThat(contents()).as("after failing statement " + failAt).isEqualTo(before);
                continue;
            }
            // then the transaction with fewer statements applied the change set whole
            assertThat(faults.injected()).isFalse();
            statements = faults.counted();
            assertThat(statements).as("statements and commit counted").hasSize(failAt - 1);
        }
        assertThat(statements).last().isEqualTo("commit");
        assertThat(statements).as("a write and the commit, at least").hasSizeGreaterThanOrEqualTo(2);
        assertThat(healthy.loadFeedBookings(FEED)).containsExactlyInAnyOrder(cancelled, bob);
        System.out.printf(
                "[reliability] apply fault matrix (%s): %d statements of one change set's transaction %s"
                        + " failed in turn, %d faults injected, 0 partial writes%n",
                database, statements.size(), statements, statements.size());
    }

    @Test
    void reportsFeedFailedKeepsItsBookingsAndSyncsOnNextRun() {
        // given a feed synced once
        BokitJdbc healthy = stores(database.dataSource(), false);
        healthy.feedCatalog().saveCalendar(calendar("seaview"));
        healthy.feedCatalog().saveFeed(feed("seaview", FEED.value()));
        body.set(ics(event("alice", "20300701", "20300705", "Reserved")));
        assertThat(feedResult(sync(healthy.bookingStore())).failed()).isFalse();
        Object before = contents();

        // when the next run's transaction loses its connection while writing the changed feed
        body.set(ics(
                event("alice", "20300701", "20300706", "Reserved"), event("bob", "20300708", "20300712", "Reserved")));
        FeedResult failed = feedResult(sync(failingStore(new DataSources.StatementFaults(2, killer(), true))));

        // then the feed is reported failed and its bookings are exactly as before
        assertThat(failed.failed()).isTrue();
        assertThat(failed.error()).contains("apply the changes of feed " + FEED);
        assertThat(contents()).isEqualTo(before);

        // when the database is back, the next run succeeds
        FeedResult next = feedResult(sync(healthy.bookingStore()));
        assertThat(next.failed()).isFalse();
        assertThat(healthy.bookingStore().loadFeedBookings(FEED))
                .extracting(
                        booking -> booking.key().uid() + " " + booking.current().checkOut())
                .containsExactlyInAnyOrder("alice 2030-07-06", "bob 2030-07-12");
    }

    @Test
    void recoversRunWhoseProcessDiedHoldingTheLeaseOnceItExpires() {
        // given a process that claimed an interval and died: its lease is never released
        BokitJdbc stores = stores(database.dataSource(), false);
        stores.options().store("install.complete", "true");
        stores.options().store("sync.interval", Long.toString(INTERVAL.toSeconds()));
        RunSettings settings = new RunSettings("web-2:7", Duration.ofMinutes(15), Duration.ofSeconds(60));
        RunLease dead = stores.syncState()
                .claimInterval(INTERVAL, "web-1:dead", settings.leaseFor(), clock.now())
                .orElseThrow();
        List<RunLease> runs = new ArrayList<>();
        AutoSyncService hook = new AutoSyncService(
                stores.options(), stores.syncState(), clock, runs::add, settings, Runnable::run, Runnable::run);

        // when the interval is over but the lease still holds
        clock.advance(INTERVAL.plusSeconds(1));
        hook.onRequest();

        // then nothing runs
        assertThat(runs).isEmpty();

        // when the lease has expired
        clock.set(dead.expiresAt());
        hook.onRequest();

        // then the next request recovers: a run under a new lease, released afterwards
        assertThat(runs).singleElement().satisfies(lease -> assertThat(lease.owner())
                .isEqualTo("web-2:7"));
        assertThat(stores.syncState().load().lease()).isNull();
        assertThat(stores.syncState().release(dead)).isFalse();
    }

    @Test
    void anyStatementOfOneFeedsTransactionFailingLeavesThatFeedAsBeforeWhileTheOthersSyncAndTheNextRunRepairsIt() {
        // given a clean run: three feeds synced, then changed and synced again, counting the target's statements
        DataSources.StatementFaults counting = new DataSources.StatementFaults(0, killer(), false);
        syncTwice(counting);
        List<String> statements = counting.counted();
        Object clean = StoreSnapshot.of(stores(database.dataSource(), false));
        assertThat(statements)
                .as("statements and commit of the target's transaction")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(statements).last().isEqualTo("commit");

        for (int failAt = 1; failAt <= statements.size(); failAt++) {
            // given the three feeds synced once
            database.clear(PREFIX);
            BokitJdbc healthy = stores(database.dataSource(), false);
            FEEDS.forEach(id -> register(healthy, id));
            bodies.set(0);
            assertThat(run(healthy, null).errors()).isZero();
            Object before = feedContents(TARGET);
            FetchState fetchedBefore = fetchState(TARGET);

            // when the feeds change and statement failAt of the target's transaction fails
            bodies.set(1);
            DataSources.StatementFaults faults = new DataSources.StatementFaults(failAt, killer(), false);
            SyncReport failed = run(stores(DataSources.failingStatement(database.dataSource(), faults), false), faults);

            // then the target alone failed and is exactly as before, but for the failure in its fetch state
            String step = "failing statement " + failAt + " (" + statements.get(failAt - 1) + ")";
            assertThat(faults.injected()).as(step).isTrue();
            assertThat(failed.feeds()).as(step).allSatisfy(result -> assertThat(result.outcome())
                    .isEqualTo(result.feed().equals(TARGET) ? FeedOutcome.FAILED : FeedOutcome.SYNCED));
            assertThat(feedContents(TARGET)).as(step).isEqualTo(before);
            FetchState fetched = fetchState(TARGET);
            assertThat(Arrays.asList(fetched.etag(), fetched.bodyHash(), fetched.lastSuccess()))
                    .as(step)
                    .isEqualTo(
                            Arrays.asList(fetchedBefore.etag(), fetchedBefore.bodyHash(), fetchedBefore.lastSuccess()));
            assertThat(fetched.consecutiveFailures()).as(step).isEqualTo(1);

            // when the next run comes once the target's back-off is over
            clock.set(fetched.backoffUntil());
            SyncReport next = run(healthy, null);

            // then it syncs the target, and the store is what the clean run left
            assertThat(next.feed(TARGET).orElseThrow().outcome()).as(step).isEqualTo(FeedOutcome.SYNCED);
            assertThat(next.errors()).as(step).isZero();
            assertThat(StoreSnapshot.of(stores(database.dataSource(), false)))
                    .as(step)
                    .isEqualTo(clean);
        }
        System.out.printf(
                "[reliability] sync fault matrix (%s): %d feeds per run, statement k of one feed's transaction %s"
                        + " failed for every k: %d faults injected, %d runs reported that feed failed and the"
                        + " others synced, %d next runs equal to a clean run%n",
                database, FEEDS.size(), statements, statements.size(), statements.size(), statements.size());
    }

    @Test
    void theRequestHookNeverThrowsWhileTheDatabaseIsUnreachableAndRunsOnceItIsBack() {
        // given an installed bokit with one feed, whose database stops answering
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        BokitJdbc stores = stores(DataSources.unreachable(database.dataSource(), down, refused), false);
        stores.options().store("install.complete", "true");
        stores.options().store("sync.interval", Long.toString(INTERVAL.toSeconds()));
        register(stores, FEED);
        bodies.set(0);
        List<SyncReport> runs = new ArrayList<>();
        RunSettings settings = new RunSettings("web-1:1", Duration.ofMinutes(15), Duration.ofSeconds(60));
        Bokit bokit = bokit(stores, stores, settings, null)
                .listener(new SyncListener() {
                    @Override
                    public void runCompleted(SyncReport report) {
                        runs.add(report);
                    }
                })
                .build();
        down.set(true);

        // when requests keep coming for ten refresh periods
        int periods = 10;
        int requestsPerPeriod = 200;
        for (int period = 0; period < periods; period++) {
            for (int request = 0; request < requestsPerPeriod; request++) {
                bokit.autoSync().onRequest(); // a request that throws fails this test
            }
            clock.advance(settings.refreshPeriod().plusSeconds(1));
        }

        // then no run happened, and the hook asked the database once per refresh period, not once per request
        assertThat(runs).isEmpty();
        assertThat(refused).hasValue(periods);

        // when the database is back, the next request after the refresh period claims the interval and runs
        down.set(false);
        bokit.autoSync().onRequest();

        // then
        assertThat(runs).singleElement().satisfies(report -> assertThat(report.errors())
                .isZero());
        assertThat(stores.bookingStore().loadFeedBookings(FEED)).hasSize(2);
        assertThat(stores.syncState().load().lease()).isNull();
        System.out.printf(
                "[reliability] database unreachable at claim time (%s): %d requests served, %d refused"
                        + " connections, 0 runs while down, 1 run once back%n",
                database, periods * requestsPerPeriod + 1, refused.get());
    }

    /** Syncs the three feeds once, then with changed bodies, counting the target's statements. */
    private void syncTwice(DataSources.StatementFaults counting) {
        database.clear(PREFIX);
        BokitJdbc healthy = stores(database.dataSource(), false);
        FEEDS.forEach(id -> register(healthy, id));
        BokitJdbc stores = stores(DataSources.failingStatement(database.dataSource(), counting), false);
        bodies.set(0);
        assertThat(run(healthy, null).errors()).isZero();
        bodies.set(1);
        assertThat(run(stores, counting).errors()).isZero();
    }

    private void register(BokitJdbc stores, FeedId id) {
        stores.feedCatalog().saveCalendar(calendar("seaview"));
        stores.feedCatalog().saveFeed(feed("seaview", id.value()));
    }

    /** A forced run over the catalog and bookings of {@code stores}; {@code faults} is armed while the target syncs. */
    private SyncReport run(BokitJdbc stores, DataSources.StatementFaults faults) {
        RunSettings settings = new RunSettings("web-1:1", Duration.ofMinutes(15), Duration.ofSeconds(60), 1);
        clock.advance(Duration.ofMinutes(1));
        SyncResult result = bokit(stores(database.dataSource(), false), stores, settings, faults)
                .build()
                .sync()
                .sync(SyncCommand.forceAll());
        assertThat(result).isInstanceOf(SyncResult.Completed.class);
        return ((SyncResult.Completed) result).report();
    }

    /**
     * A bokit over {@code state} for options and sync state, {@code stores} for catalog and bookings, whose
     * fetcher serves the feeds' bodies and arms {@code faults}, if any, while the target syncs.
     */
    private Bokit.Builder bokit(
            BokitJdbc state, BokitJdbc stores, RunSettings settings, DataSources.StatementFaults faults) {
        ICalFeedPort fetcher = request -> {
            FeedId id = FeedId.of(request.url().reveal().getPath().replaceAll(".*/|\\.ics$", ""));
            if (faults != null) {
                faults.arm(id.equals(TARGET));
            }
            return new ICalFeedPort.Content(body(id, bodies.get()), null, null);
        };
        return Bokit.builder()
                .options(state.options())
                .syncState(state.syncState())
                .catalog(stores.feedCatalog())
                .bookings(stores.bookingStore())
                .fetcher(fetcher)
                .clock(clock)
                .settings(settings)
                .runExecutor(Runnable::run);
    }

    /** Version 0 of a feed: alice and carol; version 1: alice stays a day longer, bob is new, carol left. */
    private static String body(FeedId id, int version) {
        String feed = id.value();
        return version == 0
                ? ics(
                        event("alice-" + feed, "20300701", "20300705", "Reserved"),
                        event("carol-" + feed, "20300801", "20300803", "Reserved"))
                : ics(
                        event("alice-" + feed, "20300701", "20300706", "Reserved"),
                        event("bob-" + feed, "20300708", "20300712", "Reserved"));
    }

    /** A feed's bookings and change history. */
    private Object feedContents(FeedId id) {
        BookingStorePort store = stores(database.dataSource(), false).bookingStore();
        return List.of(
                Set.copyOf(store.loadFeedBookings(id)),
                store.history(new HistoryQuery(null, id, HistoryQuery.MAX_LIMIT)));
    }

    private FetchState fetchState(FeedId id) {
        return stores(database.dataSource(), false)
                .feedCatalog()
                .findFeed(id)
                .orElseThrow()
                .fetchState();
    }

    private SyncResult sync(BookingStorePort bookings) {
        BokitJdbc stores = stores(database.dataSource(), false);
        ICalFeedPort fetcher = request -> new ICalFeedPort.Content(body.get(), null, null);
        Bokit bokit = Bokit.builder()
                .options(stores.options())
                .syncState(stores.syncState())
                .catalog(stores.feedCatalog())
                .bookings(bookings)
                .fetcher(fetcher)
                .clock(clock)
                .runExecutor(Runnable::run)
                .build();
        clock.advance(Duration.ofMinutes(1));
        return bokit.sync().sync(SyncCommand.forceAll());
    }

    private static FeedResult feedResult(SyncResult result) {
        assertThat(result).isInstanceOf(SyncResult.Completed.class);
        return ((SyncResult.Completed) result).report().feed(FEED).orElseThrow();
    }

    private static String ics(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", events)
                + "END:VCALENDAR\r\n";
    }

    private static String event(String uid, String start, String end, String summary) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20300101T000000Z\r\nDTSTART;VALUE=DATE:" + start
                + "\r\nDTEND;VALUE=DATE:" + end + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\n";
    }

    private static LocalDate july(int day) {
        return LocalDate.of(2030, 7, day);
    }

    /** Kills the server process of a PostgreSQL connection from another connection. */
    static DataSources.ConnectionAction terminateBackend(TestDatabase database) {
        return connection -> {
            long pid;
            try (var statement = connection.createStatement();
                    var row = statement.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                pid = row.getLong(1);
            }
            assertThat(database.queryLong("SELECT COUNT(*) FROM pg_terminate_backend(" + pid + ") AS t(ok) WHERE ok"))
                    .isEqualTo(1);
        };
    }

    /** Kills a MariaDB or MySQL connection on the server, from another connection. */
    static DataSources.ConnectionAction killConnection(TestDatabase database) {
        return connection -> {
            long id;
            try (var statement = connection.createStatement();
                    var row = statement.executeQuery("SELECT CONNECTION_ID()")) {
                row.next();
                id = row.getLong(1);
            }
            database.execute("KILL CONNECTION " + id);
        };
    }
}
