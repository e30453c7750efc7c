package io.bokit.jdbc;

import static io.bokit.testkit.Fixtures.booking;
import static io.bokit.testkit.Fixtures.calendar;
import static io.bokit.testkit.Fixtures.change;
import static io.bokit.testkit.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.application.AutoSyncService;
import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.StorageException;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connection fails in the middle of a feed's transaction: that feed's bookings stay exactly as
 * they were, the feed is reported failed, and the next run succeeds. A run whose process died
 * holding the lease is recovered once the lease expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultTests {
    static final String PREFIX = "bokit_";
    private static final FeedId FEED = FeedId.of("seaview-airbnb");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at("2030-01-01T10:00:00Z");
    private final AtomicReference<String> body = new AtomicReference<>();
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
        database.close();
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

    private BookingStorePort failingStore(int failAt) {
        DataSource failing = DataSources.failingWrite(database.dataSource(), failAt, new AtomicInteger(), killer());
        return stores(failing, false).bookingStore();
    }

    private Object contents() {
        BookingStorePort store = stores(database.dataSource(), false).bookingStore();
        return List.of(
                store.find(new BookingQuery(null, null, null, Set.of(), true)),
                store.history(HistoryQuery.latest(HistoryQuery.MAX_LIMIT)));
    }

    @Test
    void leavesFeedAsBeforeWhenConnectionFailsAtAnyBatch() {
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

        // when the inserts, the updates or the history batch fails / then nothing of the change set is stored
        for (int failAt = 1; failAt <= 3; failAt++) {
            BookingStorePort failing = failingStore(failAt);
            assertThatThrownBy(() -> failing.apply(changes))
                    .as("failing write " + failAt)
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("apply the changes of feed " + FEED);
            assertThat(contents()).as("after failing write " + failAt).isEqualTo(before);
        }

        // and the same change set applies once the database is back
        healthy.apply(changes);
        assertThat(healthy.loadFeedBookings(FEED)).containsExactlyInAnyOrder(cancelled, bob);
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
        FeedResult failed = feedResult(sync(failingStore(2)));

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
}
