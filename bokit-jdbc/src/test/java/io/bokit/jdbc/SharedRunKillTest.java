package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.JoinedRun;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A shared run whose opener, another JVM, is killed with SIGKILL while it holds one feed's claim: the claim stays
 * until its lease lapses on the database's clock (a node whose own clock runs an hour fast cannot take it sooner),
 * then a node that joins the run syncs that feed and closes the run. Every feed ends with exactly one result and its
 * bookings stored once; only the feed in flight when the opener died was fetched twice. On the embedded PostgreSQL
 * server, which both processes reach over TCP, with database time.
 */
class SharedRunKillTest {
    private static final String PREFIX = "bokit_";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(30);
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");
    private static final int FEEDS = 12;
    private static final String HELD = "shared-held";

    @Test
    void aNodeKilledMidRunLosesItsClaimWhenTheLeaseLapsesAndAnotherNodeFinishesTheRunWithNothingSyncedTwice()
            throws Exception {
        try (LocalFeedServer server = LocalFeedServer.start();
                TestDatabase database = TestDatabase.postgres()) {
            // given twelve feeds of one host, four of them fetched at once, the last one's answer held
            LocalDate today = LocalDate.ofInstant(database.now(), ZoneOffset.UTC);
            List<String> ids = new ArrayList<>(IntStream.range(0, FEEDS - 1)
                    .mapToObj(i -> "shared-%02d".formatted(i))
                    .toList());
            ids.add(HELD);
            BokitJdbc stores = database.initialize(PREFIX);
            stores.options().store("install.complete", "true");
            stores.options().store("sync.interval", "300");
            stores.options().store("sync.shared_runs", "true");
            stores.options().store("sync.per_host", "4");
            stores.options().store("sync.claim_lease", Long.toString(CLAIM_LEASE.toSeconds()));
            stores.feedCatalog().saveCalendar(new Calendar(CALENDAR, "Sea view", ZoneId.of("Europe/Lisbon")));
            LocalFeedServer.Hold held = null;
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String body = ICalFeedBuilder.airbnb()
                        .reserved(id + "-alice", today.plusDays(10 + i), today.plusDays(14 + i))
                        .blocked(id + "-block", today.plusDays(40), today.plusDays(45))
                        .build();
                if (id.equals(HELD)) {
                    held = server.hold("/" + id + ".ics", body);
                } else {
                    server.serve("/" + id + ".ics", body);
                }
                FeedUrl url = FeedUrl.parse(server.url("/" + id + ".ics").reveal() + "?token=secret-" + id);
                stores.feedCatalog().saveFeed(Feed.of(CALENDAR, FeedId.of(id), url));
            }

            // when another JVM's request opens a shared run, syncs all it can, and is killed while the held feed is
            // in flight
            ChildJvm child = ChildJvm.start(TIMEOUT, database.url(), "postgres");
            String owner;
            int exit;
            try {
                owner = child.await("owner ").substring("owner ".length());
                assertThat(held.awaitArrivals(1, TIMEOUT))
                        .as("the held feed was requested")
                        .isTrue();
                for (String id : ids.subList(0, FEEDS - 1)) {
                    child.await("stored " + id + " " + id + "-block");
                }
                awaitResults(stores, FEEDS - 1);
            } finally {
                exit = child.kill();
            }
            held.release();
            assertThat(exit).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            assertThat(child.told()).noneMatch(line -> line.startsWith("completed"));
            String runId = stores.sharedRuns().openRun().orElseThrow().id();
            assertThat(stores.sharedRuns().results(runId)).hasSize(FEEDS - 1);

            // when a node whose clock runs an hour ahead of the database joins while the dead node's claim holds
            List<SyncReport> reports = new ArrayList<>();
            MutableClock fast = new MutableClock(database.now().plus(Duration.ofHours(1)));
            Bokit joiner = TestNode.start(database, PREFIX, fast, "joiner:2", reports);
            Optional<JoinedRun> early = joiner.sync().joinOpenRun();

            // then it finds nothing to claim: the lease is on the database's clock
            assertThat(early).hasValueSatisfying(run -> {
                assertThat(run.synced()).isZero();
                assertThat(run.report()).isEmpty();
                assertThat(run.openedBy()).isEqualTo(owner);
            });
            assertThat(held.arrivals()).isEqualTo(1);

            // when the claim lapses (the database's time passes it: the rows' times move back) and it joins again
            long back = Column.micros(CLAIM_LEASE.plusSeconds(1));
            database.execute("UPDATE " + PREFIX + "run_feed SET lease_until = lease_until - " + back
                    + " WHERE lease_until IS NOT NULL");
            database.execute("UPDATE " + PREFIX + "run_slot SET lease_until = lease_until - " + back
                    + " WHERE lease_until IS NOT NULL");
            JoinedRun late = joiner.sync().joinOpenRun().orElseThrow();

            // then it syncs the dead node's feed, closes the run with every node's results and releases the lease
            assertThat(late.synced()).isEqualTo(1);
            SyncReport report = late.report().orElseThrow();
            assertThat(report.feeds())
                    .extracting(FeedResult::feed)
                    .containsExactlyElementsOf(ids.stream().map(FeedId::of).toList());
            assertThat(report.feeds()).extracting(FeedResult::outcome).containsOnly(FeedOutcome.SYNCED);
            assertThat(report.errors()).isZero();
            assertThat(reports).containsExactly(report);
            assertThat(stores.sharedRuns().openRun()).isEmpty();
            assertThat(stores.syncState().load().lease())
                    .as("the dead opener's run lease")
                    .isNull();

            // and nothing was synced twice, nothing left unsynced: every booking stored once, one fetch per feed but
            // the one in flight when the node died
            for (String id : ids) {
                assertThat(stores.bookingStore().loadFeedBookings(FeedId.of(id)))
                        .as(id)
                        .hasSize(2);
                assertThat(server.requestCount("/" + id + ".ics"))
                        .as("fetches of " + id)
                        .isEqualTo(id.equals(HELD) ? 2 : 1);
            }
            System.out.printf(
                    "[reliability] shared run (%s): opener JVM killed with SIGKILL with %d of %d feeds recorded and 1"
                            + " claimed; a joiner with a clock 1 h fast claimed nothing until the claim lapsed on the"
                            + " database's clock, then synced the last feed and closed the run: %d results, 0 synced"
                            + " twice, 0 left%n",
                    database, FEEDS - 1, FEEDS, report.feeds().size());
        }
    }

    /** Waits, within the timeout, until the run holds this many results (the child records each after storing it). */
    private static void awaitResults(BokitJdbc stores, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Optional<String> run = stores.sharedRuns().openRun().map(open -> open.id());
            if (run.isPresent() && stores.sharedRuns().results(run.get()).size() >= count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The run did not reach " + count + " results within " + TIMEOUT);
            }
            Thread.onSpinWait();
        }
    }
}
