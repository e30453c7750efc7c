package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sync killed with SIGKILL in the middle of its run, in another JVM: three feeds are stored, the
 * fourth is in flight. The dead process's lease stays behind and stops every other process until it
 * expires; then another process takes over, and the store ends up exactly as a clean run leaves it.
 * On the embedded PostgreSQL server, which both processes reach over TCP, with database time.
 */
class CrashRecoveryTest {
    private static final String PREFIX = "bokit_";
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");
    /** The feeds in the order a run syncs them (by id); the last one's answer is held. */
    private static final List<String> FEEDS = List.of("crash-a", "crash-b", "crash-c", "crash-held");

    @Test
    void aSyncKilledMidRunLeavesItsLeaseUntilItExpiresThenAnotherProcessTakesOverAndStoresWhatACleanRunStores()
            throws Exception {
        try (LocalFeedServer server = LocalFeedServer.start();
                TestDatabase crashed = TestDatabase.postgres();
                TestDatabase clean = TestDatabase.postgres()) {
            // given four feeds on a loopback server, the last one held, and a database set up for them
            LocalDate today = LocalDate.ofInstant(crashed.now(), ZoneOffset.UTC);
            LocalFeedServer.Hold held = null;
            List<Feed> feeds = new ArrayList<>();
            for (int i = 0; i < FEEDS.size(); i++) {
                String id = FEEDS.get(i);
                String body = ICalFeedBuilder.airbnb()
                        .reserved(id + "-alice", today.plusDays(10 + i), today.plusDays(14 + i))
                        .reserved(id + "-bob", today.plusDays(20 + i), today.plusDays(23 + i))
                        .blocked(id + "-block", today.plusDays(40), today.plusDays(45))
                        .build();
                if (id.equals("crash-held")) {
                    held = server.hold("/" + id + ".ics", body);
                } else {
                    server.serve("/" + id + ".ics", body);
                }
                FeedUrl url = FeedUrl.parse(
                        server.url("/" + id + ".ics").reveal() + "?token=secret-" + id + "-" + System.nanoTime());
                feeds.add(Feed.of(CALENDAR, FeedId.of(id), url));
            }
            setUp(crashed, feeds);
            setUp(clean, feeds);

            // when another JVM syncs through the hook, and is killed with SIGKILL while the held feed is in flight
            ChildJvm child = ChildJvm.start(TIMEOUT, crashed.url(), "postgres");
            String owner;
            int exit;
            try {
                owner = child.await("owner ").substring("owner ".length());
                assertThat(held.awaitArrivals(1, TIMEOUT))
                        .as("the held feed was requested; the child said %s", child.told())
                        .isTrue();
                for (String id : FEEDS.subList(0, 3)) {
                    for (String uid : List.of("alice", "bob", "block")) {
                        child.await("stored " + id + " " + id + "-" + uid);
                    }
                }
            } finally {
                exit = child.kill();
            }
            held.release(); // later requests for the held feed are answered at once
            assertThat(exit).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            assertThat(child.told()).as("the run never completed").noneMatch(line -> line.startsWith("completed"));

            // then the three feeds before the held one are stored, the held one is not, and the lease is left behind
            BokitJdbc crashedStores = crashed.stores(PREFIX, true);
            for (String id : FEEDS) {
                assertThat(crashedStores.bookingStore().loadFeedBookings(FeedId.of(id)))
                        .as(id)
                        .hasSize(id.equals("crash-held") ? 0 : 3);
            }
            crashedStores
                    .feedCatalog()
                    .feeds()
                    .forEach(f ->
                            System.out.println("DEBUG " + f.id() + " " + f.fetchState() + " now " + crashed.now()));
            RunLease dead = crashedStores.syncState().load().lease();
            assertThat(dead).isNotNull();
            assertThat(dead.owner()).isEqualTo(owner);

            // when another process, with its own pool and clock, gets requests and is asked for a forced sync
            MutableClock clock = new MutableClock(crashed.now());
            List<SyncReport> runs = new ArrayList<>();
            Bokit parent = TestNode.start(crashed, PREFIX, clock, "parent:1", runs);
            parent.autoSync().onRequest();
            SyncResult forced = parent.sync().sync(SyncCommand.forceAll());

            // then it cannot run: the dead process's lease holds
            assertThat(runs).isEmpty();
            assertThat(forced).isInstanceOfSatisfying(SyncResult.Busy.class, busy -> assertThat(
                            busy.holder().owner())
                    .isEqualTo(owner));

            // when the lease expires: the database's time (the clock of claims) passes the lease, by moving the
            // row's times back, and the node's clock passes its refresh period
            crashed.execute("UPDATE " + PREFIX + "sync_state SET last_claim = last_claim - " + micros(leaseOver())
                    + ", lease_acquired = lease_acquired - " + micros(leaseOver())
                    + ", lease_until = lease_until - " + micros(leaseOver()));
            clock.advance(RunSettings.DEFAULT_REFRESH.plusSeconds(1));
            parent.autoSync().onRequest();

            // then the next request takes over: one run under the parent's lease, which it releases; the feeds the
            // dead process stored are unchanged, the one it never finished is synced
            assertThat(runs).singleElement().satisfies(report -> assertThat(report.feeds())
                    .extracting(result -> result.feed() + " " + result.outcome())
                    .containsExactly(
                            "crash-a NOT_MODIFIED",
                            "crash-b NOT_MODIFIED",
                            "crash-c NOT_MODIFIED",
                            "crash-held SYNCED"));
            assertThat(crashedStores.syncState().load().lease()).isNull();

            // and the store is what a clean run over the same feeds leaves
            List<SyncReport> cleanRuns = new ArrayList<>();
            Bokit cleanRun = TestNode.start(clean, PREFIX, new MutableClock(clean.now()), "parent:1", cleanRuns);
            assertThat(cleanRun.sync().sync(SyncCommand.forceAll())).isInstanceOf(SyncResult.Completed.class);
            assertThat(cleanRuns).singleElement().satisfies(report -> assertThat(report.errors())
                    .isZero());
            StoreSnapshot after = StoreSnapshot.of(crashed.stores(PREFIX, true));
            assertThat(after).isEqualTo(StoreSnapshot.of(clean.stores(PREFIX, true)));
            assertThat(after.bookings()).hasSize(3 * FEEDS.size());

            System.out.printf(
                    "[reliability] crash recovery (%s): child JVM killed with SIGKILL (exit %d) with %d of %d"
                            + " feeds stored and 1 in flight; its lease stopped 1 request and 1 forced sync of"
                            + " another process; after expiry that process took over: 1 run, %d bookings and %d"
                            + " history entries, equal to a clean run%n",
                    crashed,
                    exit,
                    FEEDS.size() - 1,
                    FEEDS.size(),
                    after.bookings().size(),
                    after.history().size());
        }
    }

    /** Creates the tables, the install and interval options, the calendar and the feeds. */
    private static void setUp(TestDatabase database, List<Feed> feeds) {
        BokitJdbc stores = database.initialize(PREFIX);
        stores.options().store("install.complete", "true");
        stores.options().store("sync.interval", Long.toString(INTERVAL.toSeconds()));
        stores.feedCatalog().saveCalendar(new Calendar(CALENDAR, "Sea view", ZoneId.of("Europe/Lisbon")));
        feeds.forEach(stores.feedCatalog()::saveFeed);
    }

    /** How far the database's time must move for a lease taken just now to be over. */
    private static Duration leaseOver() {
        return RunSettings.DEFAULT_LEASE.plusNanos(1_000);
    }

    private static long micros(Duration duration) {
        return Column.micros(duration);
    }
}
