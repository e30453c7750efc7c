package io.bokit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Backoff;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.http.HttpFeedFetcher;
import io.bokit.http.HttpFetchSettings;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.jdbc.TestDatabase;
import io.bokit.reliability.FaultyFeedServer.Answer;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The feed fault matrix: for every {@link FeedFault}, five syncs through the whole stack — {@link Bokit}, the
 * {@link HttpFeedFetcher} over real HTTP on loopback, bokit-jdbc's stores on a real database — with one faulty
 * feed and two healthy ones in the same calendar (one on the faulty feed's host, one on another host):
 *
 * <ol>
 *   <li>a good import of every feed;
 *   <li>the fault;
 *   <li>30 s later, the fault again (a failed feed is backed off and not even fetched);
 *   <li>once the back-off is over, the fault again (a failed feed fails again and rests twice as long);
 *   <li>once that back-off is over, the feed recovers with a changed calendar.
 * </ol>
 *
 * After every run the exact bookings of every feed are checked (key, dates, status, soft-delete flag), and the run's
 * report and the faulty feed's fetch state: where the feed failed nothing changed, the error names the fault but not
 * the URL's token; where the feed legitimately changed, future bookings vanish (after the empty-feed guard's runs)
 * and past ones stay; the healthy feeds sync in every run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FeedFaultTests {
    private static final String PREFIX = "bokit_";
    private static final Instant START = Instant.parse("2030-06-15T08:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");
    private static final FeedId FAULTY = FeedId.of("airbnb");
    private static final FeedId SAME_HOST = FeedId.of("booking");
    private static final FeedId OTHER_HOST = FeedId.of("vrbo");
    private static final String PATH = "/calendar/ical/4711.ics";
    private static final String TOKEN = "s3cr3t-T0KEN-8d1f";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final long MAX_BODY_BYTES = 64 * 1024;
    private static final int RUNS = 5;

    private static final FeedFault.Bodies BODIES = new FeedFault.Bodies(
            good(false).build(),
            ICalFeedBuilder.airbnb()
                    .reserved("past-stay@airbnb.com", day(5, 1), day(5, 5))
                    .reserved("july-a@airbnb.com", day(7, 1), day(7, 5))
                    .reserved("august@airbnb.com", day(8, 1), day(8, 8))
                    .build(),
            ICalFeedBuilder.airbnb().build(),
            big());

    /** After the good import. */
    private static final List<String> GOOD = List.of(
            "past-stay 2030-05-01/2030-05-05 confirmed",
            "past-block 2030-05-20/2030-05-22 unavailable",
            "today-out 2030-06-12/2030-06-15 confirmed",
            "july-a 2030-07-01/2030-07-05 confirmed",
            "july-b 2030-07-10/2030-07-14 confirmed",
            "august 2030-08-01/2030-08-08 confirmed",
            "block-sep 2030-09-01/2030-09-10 unavailable");

    /** After half the events left: the past block stays, the future ones vanish or are soft-deleted. */
    private static final List<String> HALVED = List.of(
            "past-stay 2030-05-01/2030-05-05 confirmed",
            "past-block 2030-05-20/2030-05-22 unavailable",
            "today-out 2030-06-12/2030-06-15 vanished",
            "july-a 2030-07-01/2030-07-05 confirmed",
            "july-b 2030-07-10/2030-07-14 vanished",
            "august 2030-08-01/2030-08-08 confirmed",
            "block-sep 2030-09-01/2030-09-10 unavailable deleted");

    /** After an empty feed was believed: every future booking vanished, the past ones stay. */
    private static final List<String> EMPTIED = List.of(
            "past-stay 2030-05-01/2030-05-05 confirmed",
            "past-block 2030-05-20/2030-05-22 unavailable",
            "today-out 2030-06-12/2030-06-15 vanished",
            "july-a 2030-07-01/2030-07-05 vanished",
            "july-b 2030-07-10/2030-07-14 vanished",
            "august 2030-08-01/2030-08-08 vanished",
            "block-sep 2030-09-01/2030-09-10 unavailable deleted");

    /** After the recovery: everything back, july-b moved by a day, october new. */
    private static final List<String> RECOVERED = List.of(
            "past-stay 2030-05-01/2030-05-05 confirmed",
            "past-block 2030-05-20/2030-05-22 unavailable",
            "today-out 2030-06-12/2030-06-15 confirmed",
            "july-a 2030-07-01/2030-07-05 confirmed",
            "july-b 2030-07-11/2030-07-15 confirmed",
            "august 2030-08-01/2030-08-08 confirmed",
            "block-sep 2030-09-01/2030-09-10 unavailable",
            "october 2030-10-01/2030-10-05 confirmed");

    private final MutableClock clock = new MutableClock(START);
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private TestDatabase database;
    private BokitJdbc stores;
    private FaultyFeedServer faultyServer;
    private LocalFeedServer sameHostServer;
    private LocalFeedServer otherHostServer;
    private HttpFeedFetcher fetcher;
    private Bokit bokit;
    private FeedFault current;

    /** The database the suite runs on, new and empty. */
    abstract TestDatabase open();

    @BeforeAll
    void start() {
        database = open();
        stores = database.initialize(PREFIX);
        faultyServer = FaultyFeedServer.start();
        sameHostServer = LocalFeedServer.start("127.0.0.1");
        otherHostServer = LocalFeedServer.start("127.0.0.2");
        fetcher = new HttpFeedFetcher(HttpFetchSettings.builder()
                .allowLoopback()
                .requestTimeout(REQUEST_TIMEOUT)
                .maxBodyBytes(MAX_BODY_BYTES)
                .clock(clock)
                .build());
    }

    @AfterAll
    void stop() {
        if (database == null) { // the database was missing and the class skipped
            return;
        }
        System.out.println("[reliability] feed fault matrix (" + database + "): " + faults + " faults x " + RUNS
                + " runs, " + runs + " runs, " + checked + " bookings checked, " + lost + " bookings lost");
        faultyServer.close();
        sameHostServer.close();
        otherHostServer.close();
        database.close();
    }

    @BeforeEach
    void emptyStore() {
        database.clear(PREFIX);
        clock.set(START);
        bokit = Bokit.builder()
                .options(stores.options())
                .syncState(stores.syncState())
                .catalog(stores.feedCatalog())
                .bookings(stores.bookingStore())
                .fetcher(fetcher)
                .clock(clock)
                .runExecutor(Runnable::run)
                .backoff(Backoff.DEFAULT)
                .jitter(() -> 1.0) // the longest rest of each step: exact instants to check
                .build();
        bokit.feeds().addCalendar(new AddCalendarCommand(CALENDAR, "Sea view", ZONE));
        addFeed(FAULTY, faultyServer.url(PATH + "?s=" + TOKEN));
        addFeed(SAME_HOST, sameHostServer.url("/booking.ics"));
        addFeed(OTHER_HOST, otherHostServer.url("/vrbo.ics"));
        assertThat(bokit.options().current().emptyFeedRuns()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FeedFault.class)
    void losesNoBookingThroughTheFaultAndRecovers(FeedFault fault) {
        faults.incrementAndGet();
        current = fault;

        // given a good import of every feed
        faultyServer.answer(PATH, Answer.calendar(BODIES.good()));
        FeedResult first = run(1);
        assertThat(first.outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(first.counters()).isEqualTo(new SyncCounters(7, 7, 0, 0, 0, 0, 0, 0));
        assertBookings(GOOD);

        // when the feed faults, three runs in a row (the second 30 s after the first)
        faultyServer.answer(PATH, fault.answer(BODIES));
        switch (fault.expect()) {
            case FAILS -> failsChangesNothingAndBacksOff(fault);
            case EMPTIES -> holdsAnEmptyFeedThenBelievesIt();
            case HALVES -> vanishesTheFutureBookingsThatLeft();
        }

        // then, once any back-off is over, the feed recovers with a changed calendar
        faultyServer.answer(PATH, Answer.calendar(good(true).build()));
        clock.set(nextRunAt());
        FeedResult recovered = run(5);
        assertThat(recovered.outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(recovered.counters())
                .isEqualTo(
                        switch (fault.expect()) {
                            case FAILS -> new SyncCounters(8, 1, 1, 6, 0, 0, 0, 0);
                            case EMPTIES -> new SyncCounters(8, 1, 5, 2, 0, 0, 0, 0);
                            case HALVES -> new SyncCounters(8, 1, 3, 4, 0, 0, 0, 0);
                        });
        assertBookings(RECOVERED);
        FetchState state = fetchState();
        assertThat(state.consecutiveFailures()).isZero();
        assertThat(state.backoffUntil()).isNull();
        assertThat(state.lastError()).isNull();
        assertThat(state.lastSuccess()).isEqualTo(clock.now());
    }

    private void failsChangesNothingAndBacksOff(FeedFault fault) {
        // the first failure: reported, nothing changed, the feed rests
        List<Booking> before = faultyBookings();
        List<BookingChange> history = faultyHistory();
        int requests = faultyServer.requests(PATH);
        Instant firstFailure = moveClockTo(START.plus(Duration.ofHours(1)));
        FeedResult failed = run(2);
        assertFailed(failed, fault);
        assertUnchanged(before, history);
        assertBackedOff(fault, 1, firstFailure, failed.error());
        assertThat(faultyServer.requests(PATH)).isEqualTo(requests + 1);

        // 30 s later: backed off, not fetched
        clock.advance(Duration.ofSeconds(30));
        FeedResult resting = run(3);
        assertThat(resting.outcome()).isEqualTo(FeedOutcome.BACKED_OFF);
        assertThat(resting.counters()).isEqualTo(SyncCounters.ZERO);
        assertThat(faultyServer.requests(PATH)).isEqualTo(requests + 1);
        assertUnchanged(before, history);
        assertBackedOff(fault, 1, firstFailure, failed.error());

        // once the back-off is over: fetched, failed again, resting twice as long (or as long as the server asks)
        Instant secondFailure = moveClockTo(nextRunAt());
        FeedResult again = run(4);
        assertFailed(again, fault);
        assertThat(faultyServer.requests(PATH)).isEqualTo(requests + 2);
        assertUnchanged(before, history);
        assertBackedOff(fault, 2, secondFailure, again.error());
    }

    private void holdsAnEmptyFeedThenBelievesIt() {
        List<Booking> before = faultyBookings();
        List<BookingChange> history = faultyHistory();
        clock.set(START.plus(Duration.ofHours(1)));
        for (int emptyRun = 1; emptyRun <= 2; emptyRun++) {
            FeedResult held = run(1 + emptyRun);
            assertThat(held.outcome()).isEqualTo(FeedOutcome.SYNCED);
            assertThat(held.counters()).isEqualTo(SyncCounters.ZERO);
            assertUnchanged(before, history);
            FetchState state = fetchState();
            assertThat(state.consecutiveEmpty()).isEqualTo(emptyRun);
            assertThat(state.lastError())
                    .isEqualTo(
                            "Feed came back empty (" + emptyRun + " of 3 runs needed to believe it); nothing changed");
            assertThat(state.backoffUntil()).isNull();
            clock.advance(Duration.ofSeconds(30));
        }
        clock.set(nextRunAt());
        FeedResult believed = run(4);
        assertThat(believed.outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(believed.counters()).isEqualTo(new SyncCounters(0, 0, 0, 0, 1, 4, 0, 0));
        assertBookings(EMPTIED);
        assertPastUntouched(before);
        assertThat(fetchState().lastError()).isNull();
    }

    private void vanishesTheFutureBookingsThatLeft() {
        List<Booking> before = faultyBookings();
        clock.set(START.plus(Duration.ofHours(1)));
        FeedResult changed = run(2);
        assertThat(changed.outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(changed.counters()).isEqualTo(new SyncCounters(3, 0, 0, 3, 1, 2, 0, 0));
        assertBookings(HALVED);
        assertPastUntouched(before);

        // the same body again, the same day: not modified, nothing written
        List<Booking> halved = faultyBookings();
        List<BookingChange> history = faultyHistory();
        clock.advance(Duration.ofSeconds(30));
        assertThat(run(3).outcome()).isEqualTo(FeedOutcome.NOT_MODIFIED);
        assertUnchanged(halved, history);
        clock.set(nextRunAt());
        assertThat(run(4).outcome()).isEqualTo(FeedOutcome.NOT_MODIFIED);
        assertUnchanged(halved, history);
    }

    /**
     * Serves the healthy feeds' bodies for run {@code n} (one more stay each run), syncs every feed, checks the
     * healthy feeds synced their new stay and that no booking row disappeared, and returns the faulty feed's result.
     */
    private FeedResult run(int n) {
        sameHostServer.serve("/booking.ics", healthy("booking", n));
        otherHostServer.serve("/vrbo.ics", healthy("vrbo", n));
        Map<String, Booking> before = allBookings();
        SyncResult result = bokit.sync().sync(SyncCommand.forceAll());
        runs.incrementAndGet();
        assertThat(result).as("%s, run %d", current, n).isInstanceOf(SyncResult.Completed.class);
        SyncReport report = ((SyncResult.Completed) result).report();
        Map<String, Booking> after = allBookings();
        int gone = (int)
                before.keySet().stream().filter(key -> !after.containsKey(key)).count();
        lost.addAndGet(gone);
        assertThat(gone).as("%s, booking rows gone after run %d", current, n).isZero();
        for (FeedId healthy : List.of(SAME_HOST, OTHER_HOST)) {
            FeedResult synced = report.feed(healthy).orElseThrow();
            assertThat(synced.outcome())
                    .as("%s, %s in run %d", current, healthy, n)
                    .isEqualTo(FeedOutcome.SYNCED);
            assertThat(synced.counters()).isEqualTo(new SyncCounters(n, 1, 0, n - 1, 0, 0, 0, 0));
            assertThat(views(healthy))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, n)
                            .mapToObj(k -> "stay-" + k + " 2030-11-" + pad(2 * k) + "/2030-11-" + pad(2 * k + 1)
                                    + " confirmed")
                            .toList());
            checked.addAndGet(n);
        }
        return report.feed(FAULTY).orElseThrow();
    }

    private static void assertFailed(FeedResult failed, FeedFault fault) {
        assertThat(failed.outcome()).as("%s: %s", fault, failed.error()).isEqualTo(FeedOutcome.FAILED);
        assertThat(failed.counters()).isEqualTo(SyncCounters.ZERO);
        assertThat(failed.error())
                .as("%s, error", fault)
                .contains(fault.error())
                .doesNotContain(TOKEN);
    }

    /** The faulty feed failed {@code failures} times in a row and rests for the back-off or the Retry-After. */
    private void assertBackedOff(FeedFault fault, int failures, Instant failedAt, String error) {
        FetchState state = fetchState();
        Duration rest = Backoff.DEFAULT.after(failures, 1.0);
        if (fault.retryAfter() != null && fault.retryAfter().compareTo(rest) > 0) {
            rest = fault.retryAfter();
        }
        assertThat(state.consecutiveFailures()).isEqualTo(failures);
        assertThat(state.backoffUntil()).isEqualTo(failedAt.plus(rest));
        assertThat(state.lastError()).isEqualTo(error).doesNotContain(TOKEN);
        assertThat(state.lastAttempt()).isEqualTo(failedAt);
        assertThat(state.lastSuccess()).isEqualTo(START);
    }

    /** The faulty feed's bookings and history are exactly as they were. */
    private void assertUnchanged(List<Booking> before, List<BookingChange> history) {
        List<Booking> after = faultyBookings();
        int changed = (int)
                before.stream().filter(booking -> !after.contains(booking)).count();
        lost.addAndGet(changed);
        checked.addAndGet(before.size());
        assertThat(after).as("%s, bookings of the faulty feed", current).containsExactlyInAnyOrderElementsOf(before);
        assertThat(faultyHistory()).isEqualTo(history);
    }

    /** The bookings that checked out before today are exactly as they were. */
    private void assertPastUntouched(List<Booking> before) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZONE);
        List<Booking> past = before.stream()
                .filter(booking -> booking.current().checkOut().isBefore(today))
                .toList();
        List<Booking> after = faultyBookings();
        int changed =
                (int) past.stream().filter(booking -> !after.contains(booking)).count();
        lost.addAndGet(changed);
        assertThat(past).hasSize(2);
        assertThat(after).containsAll(past);
    }

    private void assertBookings(List<String> expected) {
        assertThat(views(FAULTY)).as("%s, bookings", current).containsExactlyInAnyOrderElementsOf(expected);
        checked.addAndGet(expected.size());
    }

    private List<String> views(FeedId feed) {
        return bokit.bookings().find(new BookingQuery(null, null, null, Set.of(), true)).stream()
                .filter(booking -> booking.feed().equals(feed))
                .map(FeedFaultTests::view)
                .toList();
    }

    private static String view(Booking booking) {
        String uid = booking.key().uid();
        return uid.substring(0, uid.indexOf('@')) + " " + booking.current().checkIn() + "/"
                + booking.current().checkOut() + " " + booking.status().code() + (booking.deleted() ? " deleted" : "");
    }

    private List<Booking> faultyBookings() {
        return bokit.bookings().find(new BookingQuery(null, null, null, Set.of(), true)).stream()
                .filter(booking -> booking.feed().equals(FAULTY))
                .toList();
    }

    private Map<String, Booking> allBookings() {
        return bokit.bookings().find(new BookingQuery(null, null, null, Set.of(), true)).stream()
                .collect(Collectors.toMap(booking -> booking.feed() + "/" + booking.key(), Function.identity()));
    }

    private List<BookingChange> faultyHistory() {
        return bokit.bookings().history(new HistoryQuery(null, FAULTY, HistoryQuery.MAX_LIMIT));
    }

    private FetchState fetchState() {
        return bokit.feeds().feed(FAULTY).fetchState();
    }

    private Instant moveClockTo(Instant instant) {
        clock.set(instant);
        return instant;
    }

    /** A minute after now, or the end of the faulty feed's back-off if later. */
    private Instant nextRunAt() {
        Instant next = clock.now().plus(Duration.ofMinutes(1));
        Instant until = fetchState().backoffUntil();
        return until != null && until.isAfter(next) ? until : next;
    }

    private void addFeed(FeedId id, FeedUrl url) {
        bokit.feeds().addFeed(new AddFeedCommand(CALENDAR, id, url, null));
    }

    /** The faulty feed's good calendar; {@code changed}: july-b moved by a day, october new. */
    private static ICalFeedBuilder good(boolean changed) {
        ICalFeedBuilder feed = ICalFeedBuilder.airbnb()
                .reserved("past-stay@airbnb.com", day(5, 1), day(5, 5))
                .blocked("past-block@airbnb.com", day(5, 20), day(5, 22))
                .reserved("today-out@airbnb.com", day(6, 12), day(6, 15))
                .reserved("july-a@airbnb.com", day(7, 1), day(7, 5))
                .reserved("july-b@airbnb.com", changed ? day(7, 11) : day(7, 10), changed ? day(7, 15) : day(7, 14))
                .reserved("august@airbnb.com", day(8, 1), day(8, 8))
                .blocked("block-sep@airbnb.com", day(9, 1), day(9, 10));
        return changed ? feed.reserved("october@airbnb.com", day(10, 1), day(10, 5)) : feed;
    }

    /** A valid calendar larger than the fetcher's size cap. */
    private static String big() {
        ICalFeedBuilder feed = good(false);
        for (int i = 0; i < 600; i++) {
            LocalDate checkIn = day(11, 1).plusDays(2L * i);
            feed.reserved("big-" + i + "@airbnb.com", checkIn, checkIn.plusDays(1));
        }
        String body = feed.build();
        assertThat(body.length()).isGreaterThan((int) MAX_BODY_BYTES);
        return body;
    }

    /** A healthy feed's calendar in run {@code n}: one more stay each run. */
    private static String healthy(String channel, int n) {
        ICalFeedBuilder feed = ICalFeedBuilder.airbnb();
        for (int k = 1; k <= n; k++) {
            feed.reserved("stay-" + k + "@" + channel + ".com", day(11, 2 * k), day(11, 2 * k + 1));
        }
        return feed.build();
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2030, month, day);
    }

    private static String pad(int day) {
        return day < 10 ? "0" + day : Integer.toString(day);
    }
}
