package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySharedRuns;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over one set of stores, with {@code sync.shared_runs}: the node whose request claims the interval opens
 * a shared run; a request on the other node while that run holds the lease joins it. The opener is held on its first
 * feed, so the joiner syncs the rest; when the opener's feed is done, it closes the run and reports every feed once.
 */
class SharedRunTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final int FEEDS = 6;
    private static final String OPENER = "web-1:1";

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InMemoryOptions options = new InMemoryOptions();
    private final InMemorySyncState.Store state = new InMemorySyncState.Store();
    private final InMemorySharedRuns.Store runs = new InMemorySharedRuns.Store();
    private final InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
    private final InMemoryBookingStore bookings = new InMemoryBookingStore();
    private final InMemoryFeedSource channels = new InMemoryFeedSource();
    private final List<FeedUrl> urls = IntStream.range(0, FEEDS)
            .mapToObj(i -> FeedUrl.parse("https://h" + i + ".example/cal.ics?s=t" + i))
            .toList();

    @Test
    void aRequestOnAnotherNodeJoinsTheOpenRunAndEveryFeedIsSyncedOnceAndReportedOnce() throws Exception {
        // given six feeds on six hosts and shared runs on; the opener's first fetch waits for the test
        List<SyncReport> openerReports = new CopyOnWriteArrayList<>();
        List<SyncReport> joinerReports = new CopyOnWriteArrayList<>();
        CountDownLatch openerFetching = new CountDownLatch(1);
        CountDownLatch releaseOpener = new CountDownLatch(1);
        Bokit opener = node(
                OPENER,
                request -> {
                    openerFetching.countDown();
                    await(releaseOpener);
                    return channels.fetch(request);
                },
                openerReports);
        Bokit joiner = node("web-2:2", channels, joinerReports);
        setUp(opener, "true");

        // when a request on the opener claims the interval and its run starts on another thread
        Thread run = new Thread(() -> opener.autoSync().onRequest(), "opener-request");
        run.start();
        assertThat(openerFetching.await(30, TimeUnit.SECONDS)).isTrue();

        // and a request on the other node comes while the run holds the lease
        joiner.autoSync().onRequest();

        // then the other node synced the five feeds the opener had not claimed, and did not report the run
        assertThat(channels.requests()).hasSize(FEEDS - 1);
        assertThat(joinerReports).isEmpty();

        // when the opener's feed answers
        releaseOpener.countDown();
        run.join(TimeUnit.SECONDS.toMillis(30));

        // then the opener closed the run: one report of every feed, each synced once
        assertThat(run.isAlive()).isFalse();
        assertThat(openerReports).singleElement().satisfies(report -> {
            assertThat(report.feeds())
                    .extracting(FeedResult::feed)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, FEEDS)
                            .mapToObj(i -> FeedId.of("feed-" + i))
                            .toList());
            assertThat(report.totals().created()).isEqualTo(FEEDS);
            assertThat(report.errors()).isZero();
        });
        assertThat(joinerReports).isEmpty();
        assertThat(channels.requests()).hasSize(FEEDS);
        for (FeedUrl url : urls) {
            assertThat(channels.requestCount(url)).isEqualTo(1);
        }
        assertThat(new InMemorySyncState(state).load().lease()).isNull();
        assertThat(new InMemorySharedRuns(runs).openRun()).isEmpty();
    }

    @Test
    void withoutTheOptionARunIsTheOpenersAloneAndAnotherNodesRequestDoesNothing() throws Exception {
        List<SyncReport> reports = new CopyOnWriteArrayList<>();
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Bokit opener = node(
                OPENER,
                request -> {
                    fetching.countDown();
                    await(release);
                    return channels.fetch(request);
                },
                reports);
        Bokit other = node("web-2:2", channels, reports);
        setUp(opener, "false");

        Thread run = new Thread(() -> opener.autoSync().onRequest(), "opener-request");
        run.start();
        assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();
        other.autoSync().onRequest();

        assertThat(channels.requests()).isEmpty();
        assertThat(new InMemorySharedRuns(runs).openRun()).as("no shared run").isEmpty();
        release.countDown();
        run.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(reports).singleElement().satisfies(report -> assertThat(report.feeds())
                .hasSize(FEEDS));
        assertThat(channels.requests()).hasSize(FEEDS);
    }

    private void setUp(Bokit bokit, String shared) {
        options.store("install.complete", "true");
        options.store("sync.shared_runs", shared);
        bokit.feeds().addCalendar(new AddCalendarCommand(CalendarKey.of("seaview"), "Sea view", ZoneId.of("UTC")));
        for (int i = 0; i < FEEDS; i++) {
            channels.serve(
                    urls.get(i),
                    ICalFeedBuilder.airbnb()
                            .reserved("guest-" + i, TODAY.plusDays(10 + i), TODAY.plusDays(12 + i))
                            .build());
            bokit.feeds()
                    .addFeed(new AddFeedCommand(CalendarKey.of("seaview"), FeedId.of("feed-" + i), urls.get(i), null));
        }
    }

    /** A node; the opener fetches with one worker, so that holding its first fetch holds all of its part. */
    private Bokit node(String owner, ICalFeedPort fetcher, List<SyncReport> reports) {
        return Bokit.builder()
                .options(options)
                .syncState(new InMemorySyncState(state))
                .sharedRuns(new InMemorySharedRuns(runs))
                .sharedRunPoll(Duration.ofMillis(5))
                .catalog(catalog)
                .bookings(bookings)
                .fetcher(fetcher)
                .clock(clock)
                .settings(new RunSettings(
                        owner, Duration.ofMinutes(15), Duration.ofSeconds(60), owner.equals(OPENER) ? 1 : 2))
                .runExecutor(Runnable::run)
                .listener(new SyncListener() {
                    @Override
                    public void runCompleted(SyncReport report) {
                        reports.add(report);
                    }
                })
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
