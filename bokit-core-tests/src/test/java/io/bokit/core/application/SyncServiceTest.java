package io.bokit.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.StorageException;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.in.SyncScope;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncServiceTest {
    private static final String TOKEN = "t0k3n-S3CRET";
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InMemoryOptions options = new InMemoryOptions();
    private final InMemorySyncState state = new InMemorySyncState();
    private final InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
    private final InMemoryBookingStore store = new InMemoryBookingStore();
    private final InMemoryFeedSource feeds = new InMemoryFeedSource();
    private final AtomicInteger applies = new AtomicInteger();
    private final AtomicInteger parses = new AtomicInteger();
    private final List<String> events = new ArrayList<>();
    private final LogCapture log = new LogCapture(SyncService.class);
    private BookingStorePort bookings = Counting.wrap(BookingStorePort.class, store, new AtomicInteger());

    private final FeedUrl airbnb = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=" + TOKEN);
    private final FeedUrl booking = FeedUrl.parse("https://admin.booking.com/hotel/ical.html?t=" + TOKEN);

    @AfterEach
    void closeLog() {
        log.close();
    }

    private Bokit bokit(SyncListener... listeners) {
        FeedParser ical = FeedParser.ical();
        Bokit.Builder builder = Bokit.builder()
                .options(options)
                .syncState(state)
                .catalog(catalog)
                .bookings(new CountingApplies(bookings, applies))
                .fetcher(feeds)
                .parser((body, calendar, today) -> {
                    parses.incrementAndGet();
                    return ical.parse(body, calendar, today);
                })
                .clock(clock)
                .settings(new RunSettings("test-node", Duration.ofMinutes(15), Duration.ofSeconds(60)))
                .runExecutor(Runnable::run)
                .jitter(() -> 1.0);
        for (SyncListener listener : listeners) {
            builder.listener(listener);
        }
        Bokit bokit = builder.build();
        if (catalog.calendars().isEmpty()) {
            bokit.feeds().addCalendar(new AddCalendarCommand(CalendarKey.of("seaview"), "Sea view", ZONE));
            bokit.feeds().addCalendar(new AddCalendarCommand(CalendarKey.of("garden"), "Garden room", ZONE));
        }
        return bokit;
    }

    private FeedId addFeed(Bokit bokit, String calendar, String id, FeedUrl url) {
        return bokit.feeds()
                .addFeed(new AddFeedCommand(CalendarKey.of(calendar), FeedId.of(id), url, null))
                .id();
    }

    /** A forced sync of every enabled feed, which must complete. */
    private static SyncReport syncAll(Bokit bokit) {
        return completed(bokit.sync().sync(SyncCommand.forceAll()));
    }

    private static SyncReport completed(SyncResult result) {
        assertThat(result).isInstanceOf(SyncResult.Completed.class);
        return ((SyncResult.Completed) result).report();
    }

    private List<Booking> bookingsOf(String feed) {
        return store.loadFeedBookings(FeedId.of(feed));
    }

    @Test
    void importsEveryEnabledFeedAndNamesItAfterItsHost() {
        // given two feeds of two calendars, and a third that is disabled
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        addFeed(bokit, "garden", "garden-booking", booking);
        FeedUrl disabledUrl = FeedUrl.parse("https://ical.vrbo.com/1.ics");
        addFeed(bokit, "garden", "garden-vrbo", disabledUrl);
        bokit.feeds().setEnabled(FeedId.of("garden-vrbo"), false);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("A1@airbnb.com", TODAY.plusDays(3), TODAY.plusDays(6))
                        .blocked("A2@airbnb.com", TODAY.plusDays(10), TODAY.plusDays(12))
                        .build());
        feeds.serve(
                booking,
                ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                        .event("B1", TODAY.plusDays(1), TODAY.plusDays(2), "CLOSED - Not available")
                        .build());

        // when
        SyncReport report = syncAll(bokit);

        // then
        assertThat(report.feeds())
                .extracting(FeedResult::feedName)
                .containsExactly("admin.booking.com", "www.airbnb.com");
        assertThat(report.totals()).isEqualTo(new SyncCounters(3, 3, 0, 0, 0, 0, 0, 0));
        assertThat(report.errors()).isZero();
        assertThat(bookingsOf("seaview-airbnb"))
                .extracting(Booking::status)
                .containsExactlyInAnyOrder(BookingStatus.CONFIRMED, BookingStatus.UNAVAILABLE);
        assertThat(feeds.requestCount(disabledUrl)).isZero();
        assertThat(catalog.findFeed(FeedId.of("seaview-airbnb"))
                        .orElseThrow()
                        .fetchState()
                        .lastSuccess())
                .isEqualTo(clock.now());
    }

    @Test
    void syncsOnlyTheFeedsOrCalendarsAskedFor() {
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        addFeed(bokit, "garden", "garden-booking", booking);
        feeds.serve(airbnb, ICalFeedBuilder.airbnb().build())
                .serve(booking, ICalFeedBuilder.airbnb().build());

        SyncReport byFeed = completed(
                bokit.sync().sync(new SyncCommand(SyncScope.feeds(Set.of(FeedId.of("garden-booking"))), true)));
        SyncReport byCalendar = completed(
                bokit.sync().sync(new SyncCommand(SyncScope.calendars(Set.of(CalendarKey.of("seaview"))), true)));

        assertThat(byFeed.feeds()).extracting(FeedResult::feed).containsExactly(FeedId.of("garden-booking"));
        assertThat(byCalendar.feeds()).extracting(FeedResult::feed).containsExactly(FeedId.of("seaview-airbnb"));
    }

    @Test
    void oneFailingFeedNeverStopsTheOthersAndNothingEscapes() {
        // given five feeds, four of which fail in four different ways
        Bokit bokit = bokit();
        FeedUrl throwing = FeedUrl.parse("https://a.example/1.ics?k=" + TOKEN);
        FeedUrl serverError = FeedUrl.parse("https://b.example/1.ics?k=" + TOKEN);
        FeedUrl html = FeedUrl.parse("https://c.example/1.ics?k=" + TOKEN);
        FeedUrl brokenStore = FeedUrl.parse("https://d.example/1.ics?k=" + TOKEN);
        addFeed(bokit, "seaview", "f1-throwing", throwing);
        addFeed(bokit, "seaview", "f2-server-error", serverError);
        addFeed(bokit, "seaview", "f3-html", html);
        addFeed(bokit, "seaview", "f4-broken-store", brokenStore);
        addFeed(bokit, "seaview", "f5-good", airbnb);
        feeds.explode(throwing, new IllegalStateException("adapter bug for " + throwing.reveal()))
                .fail(serverError, 500, "server error", null)
                .serve(html, "<!DOCTYPE html><html><body>Please log in</body></html>")
                .serve(
                        brokenStore,
                        ICalFeedBuilder.airbnb()
                                .reserved("D1", TODAY, TODAY.plusDays(2))
                                .build())
                .serve(
                        airbnb,
                        ICalFeedBuilder.airbnb()
                                .reserved("G1", TODAY, TODAY.plusDays(2))
                                .build());
        bookings = failingApplyFor(FeedId.of("f4-broken-store"));
        bokit = bokit();

        // when
        SyncResult[] result = new SyncResult[1];
        Bokit finalBokit = bokit;
        assertThatCode(() -> result[0] = finalBokit.sync().sync(SyncCommand.forceAll()))
                .doesNotThrowAnyException();

        // then the good feed synced, each other one failed with a reason, and no URL secret leaked
        SyncReport report = completed(result[0]);
        assertThat(report.errors()).isEqualTo(4);
        assertThat(report.feed(FeedId.of("f5-good")).orElseThrow().outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(report.feed(FeedId.of("f2-server-error")).orElseThrow().error())
                .isEqualTo("HTTP 500: server error");
        assertThat(report.feed(FeedId.of("f3-html")).orElseThrow().error()).contains("HTML");
        assertThat(report.feed(FeedId.of("f4-broken-store")).orElseThrow().error())
                .contains("disk full");
        assertThat(report.feeds())
                .allSatisfy(feed -> assertThat(String.valueOf(feed.error())).doesNotContain(TOKEN));
        assertThat(bookingsOf("f4-broken-store")).isEmpty();
        assertThat(catalog.findFeed(FeedId.of("f2-server-error"))
                        .orElseThrow()
                        .fetchState()
                        .consecutiveFailures())
                .isEqualTo(1);
    }

    @Test
    void logsTheSeedLinesAndNeverAFullUrl() {
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        addFeed(bokit, "garden", "garden-booking", booking);
        feeds.serve(
                        airbnb,
                        ICalFeedBuilder.airbnb()
                                .reserved("A1", TODAY, TODAY.plusDays(2))
                                .build())
                .explode(booking, new IllegalStateException("cannot reach " + booking.reveal()));

        syncAll(bokit);

        // the two hosts are fetched in parallel, so their lines may come in either order
        List<String> lines = log.lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("[SyncJob] Starting iCal synchronization");
        assertThat(lines.subList(1, 3))
                .containsExactlyInAnyOrder(
                        "[SyncJob] Failed to sync admin.booking.com {\"error\":\"IllegalStateException: cannot reach "
                                + "https://admin.booking.com/hotel/ical.html?…\"}",
                        "[SyncJob] Synced www.airbnb.com {\"total\":1,\"created\":1,\"updated\":0,\"unchanged\":0,"
                                + "\"deleted\":0,\"vanished\":0,\"skipped\":0,\"conflicts\":0}");
        assertThat(lines.get(3))
                .isEqualTo("[SyncJob] Synchronization completed {\"total\":1,\"created\":1,\"updated\":0,"
                        + "\"unchanged\":0,\"deleted\":0,\"vanished\":0,\"skipped\":0,\"conflicts\":0,\"errors\":1}");
    }

    @Test
    void listenersHearEveryChangeAndAFailingListenerChangesNothing() {
        // given a listener that records and one that always throws
        SyncListener recording = new SyncListener() {
            @Override
            public void bookingCreated(Booking b) {
                events.add("created " + b.key());
            }

            @Override
            public void bookingUpdated(Booking before, Booking after) {
                events.add("updated " + after.key());
            }

            @Override
            public void bookingVanished(Booking b) {
                events.add("vanished " + b.key());
            }

            @Override
            public void bookingDeleted(Booking b) {
                events.add("deleted " + b.key());
            }

            @Override
            public void runCompleted(SyncReport report) {
                events.add("completed " + report.totals().total());
            }
        };
        SyncListener throwing = new SyncListener() {
            @Override
            public void bookingCreated(Booking b) {
                throw new IllegalStateException("listener bug");
            }
        };
        Bokit bokit = bokit(throwing, recording);
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("stay", TODAY.plusDays(1), TODAY.plusDays(3))
                        .reserved("moves", TODAY.plusDays(5), TODAY.plusDays(7))
                        .blocked("block", TODAY.plusDays(9), TODAY.plusDays(10))
                        .build());
        syncAll(bokit);

        // when the feed moves one stay and drops the other and the block
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("moves", TODAY.plusDays(5), TODAY.plusDays(8))
                        .build());
        syncAll(bokit);

        // then
        assertThat(events)
                .containsExactly(
                        "created stay",
                        "created moves",
                        "created block",
                        "completed 3",
                        "updated moves",
                        "vanished stay",
                        "deleted block",
                        "completed 1");
    }

    @Test
    void anUnchangedFeedReportsItsLastImportWithoutReadingTheBookingStore() {
        // given a feed imported once, whose store counts every call
        AtomicInteger storeCalls = new AtomicInteger();
        bookings = Counting.wrap(BookingStorePort.class, store, storeCalls);
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("A1", TODAY, TODAY.plusDays(2))
                        .reserved("A2", TODAY.plusDays(5), TODAY.plusDays(7))
                        .build(),
                "\"v1\"");
        syncAll(bokit);
        int callsAfterImport = storeCalls.get();

        // when the channel answers 304
        SyncReport again = syncAll(bokit);

        // then the counters come from the fetch state: the store was not asked anything
        assertThat(again.totals()).isEqualTo(new SyncCounters(2, 0, 0, 2, 0, 0, 0, 0));
        assertThat(storeCalls.get()).isEqualTo(callsAfterImport);
    }

    @Test
    void anUnchangedFeedIsNeitherParsedNorWritten() {
        // given a feed served with an ETag, then the same body without validators
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "with-etag", airbnb);
        addFeed(bokit, "garden", "no-validators", booking);
        String body = ICalFeedBuilder.airbnb()
                .reserved("A1", TODAY, TODAY.plusDays(2))
                .build();
        feeds.serve(airbnb, body, "\"v1\"").serve(booking, body);
        syncAll(bokit);
        int parsesAfterFirst = parses.get();
        int appliesAfterFirst = applies.get();

        // when
        SyncReport again = syncAll(bokit);

        // then
        assertThat(again.feeds()).extracting(FeedResult::outcome).containsOnly(FeedOutcome.NOT_MODIFIED);
        assertThat(again.totals()).isEqualTo(new SyncCounters(2, 0, 0, 2, 0, 0, 0, 0));
        assertThat(parses.get()).isEqualTo(parsesAfterFirst);
        assertThat(applies.get()).isEqualTo(appliesAfterFirst);
        assertThat(feeds.requests().stream().filter(r -> r.url().equals(booking)))
                .extracting(ICalFeedPort.FetchRequest::etag)
                .containsOnlyNulls();
        assertThat(feeds.requests().stream()
                        .filter(r -> r.url().equals(airbnb))
                        .toList()
                        .get(1)
                        .etag())
                .isEqualTo("\"v1\"");
    }

    @Test
    void aStoreThatThrowsMidApplyLeavesTheFeedExactlyAsBeforeAndTheNextRunRepairs() {
        // given a feed already imported
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("A1", TODAY.plusDays(1), TODAY.plusDays(3))
                        .build());
        syncAll(bokit);
        List<Booking> before = bookingsOf("seaview-airbnb");

        // when the feed changes but the store fails while applying
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("A1", TODAY.plusDays(1), TODAY.plusDays(4))
                        .reserved("A2", TODAY.plusDays(8), TODAY.plusDays(9))
                        .build());
        bookings = failingApplyFor(FeedId.of("seaview-airbnb"));
        SyncReport failed = completed(bokit().sync().sync(SyncCommand.forceAll()));

        // then nothing of it was written
        assertThat(failed.errors()).isEqualTo(1);
        assertThat(bookingsOf("seaview-airbnb")).isEqualTo(before);

        // when the store is back, the next run applies the change
        bookings = store;
        clock.advance(Duration.ofHours(1));
        SyncReport repaired = completed(bokit().sync().sync(SyncCommand.forceAll()));
        assertThat(repaired.totals().created()).isEqualTo(1);
        assertThat(repaired.totals().updated()).isEqualTo(1);
    }

    @Test
    void aSuddenlyEmptyFeedVanishesNothingUntilConfirmed() {
        // given a feed with a future booking
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("A1", TODAY.plusDays(1), TODAY.plusDays(3))
                        .build());
        syncAll(bokit);

        // when it answers an empty 200, then an HTML page: both are feed errors
        feeds.serve(airbnb, "");
        assertThat(syncAll(bokit).errors()).isEqualTo(1);
        feeds.serve(airbnb, "<html><body>Sign in</body></html>");
        clock.advance(Duration.ofHours(1));
        assertThat(syncAll(bokit).errors()).isEqualTo(1);
        assertThat(bookingsOf("seaview-airbnb")).extracting(Booking::status).containsExactly(BookingStatus.CONFIRMED);

        // when it serves a valid calendar with no events, twice
        feeds.serve(airbnb, ICalFeedBuilder.airbnb().build());
        for (int run = 0; run < 2; run++) {
            clock.advance(Duration.ofHours(1));
            SyncReport held = syncAll(bokit);
            assertThat(held.totals().vanished()).isZero();
        }
        assertThat(bookingsOf("seaview-airbnb")).extracting(Booking::status).containsExactly(BookingStatus.CONFIRMED);
        assertThat(catalog.findFeed(FeedId.of("seaview-airbnb"))
                        .orElseThrow()
                        .fetchState()
                        .lastError())
                .contains("empty");

        // then the third empty run in a row is believed
        clock.advance(Duration.ofHours(1));
        assertThat(syncAll(bokit).totals().vanished()).isEqualTo(1);
        assertThat(bookingsOf("seaview-airbnb")).extracting(Booking::status).containsExactly(BookingStatus.VANISHED);
    }

    @Test
    void emptyRunsThatAreNotInARowVanishNothing() {
        // given a feed with a future booking
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        String full = ICalFeedBuilder.airbnb()
                .reserved("A1", TODAY.plusDays(1), TODAY.plusDays(3))
                .build();
        String empty = ICalFeedBuilder.airbnb().build();
        feeds.serve(airbnb, full);
        syncAll(bokit);

        // when it is empty, full again (the same bytes as before), then empty twice
        for (String body : List.of(empty, full, empty, empty)) {
            feeds.serve(airbnb, body);
            clock.advance(Duration.ofMinutes(10));
            syncAll(bokit);
        }

        // then only two empty runs are in a row: nothing vanished yet
        assertThat(bookingsOf("seaview-airbnb")).extracting(Booking::status).containsExactly(BookingStatus.CONFIRMED);
        assertThat(catalog.findFeed(FeedId.of("seaview-airbnb"))
                        .orElseThrow()
                        .fetchState()
                        .consecutiveEmpty())
                .isEqualTo(2);
    }

    @Test
    void theFirstFetchOfADayIsUnconditionalSoRecurringEventsFollowTheWindow() {
        // given a weekly block that started long ago, served with an ETag
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-owner", airbnb);
        String weekly = ICalFeedBuilder.withProdId("-//Owner//EN")
                .raw("BEGIN:VEVENT\r\nUID:weekly\r\nDTSTART;VALUE=DATE:20200106\r\nDTEND;VALUE=DATE:20200107\r\n"
                        + "RRULE:FREQ=WEEKLY\r\nSUMMARY:Blocked\r\nEND:VEVENT\r\n")
                .build();
        feeds.serve(airbnb, weekly, "\"same\"");
        syncAll(bokit);
        int before = bookingsOf("seaview-owner").size();

        // when the same day passes with another fetch, then a week later
        clock.advance(Duration.ofHours(1));
        SyncReport sameDay = syncAll(bokit);
        clock.advance(Duration.ofDays(7));
        SyncReport nextWeek = syncAll(bokit);

        // then the same day used the ETag, the new day parsed again and imported the new occurrence
        assertThat(sameDay.feeds()).extracting(FeedResult::outcome).containsExactly(FeedOutcome.NOT_MODIFIED);
        assertThat(nextWeek.feeds()).extracting(FeedResult::outcome).containsExactly(FeedOutcome.SYNCED);
        assertThat(nextWeek.totals().created()).isEqualTo(1);
        assertThat(bookingsOf("seaview-owner")).hasSize(before + 1);
        assertThat(feeds.requests())
                .extracting(ICalFeedPort.FetchRequest::etag)
                .containsExactly(null, "\"same\"", null);
    }

    @Test
    void aFeedAskedToWaitIsNotFetchedBeforeRetryAfter() {
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.fail(airbnb, 429, "too many requests", clock.now().plus(Duration.ofMinutes(30)));
        syncAll(bokit);

        clock.advance(Duration.ofMinutes(29));
        SyncReport waiting = syncAll(bokit);
        assertThat(waiting.feeds()).extracting(FeedResult::outcome).containsExactly(FeedOutcome.BACKED_OFF);
        assertThat(feeds.requestCount(airbnb)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        feeds.serve(airbnb, ICalFeedBuilder.airbnb().build());
        SyncReport after = syncAll(bokit);
        assertThat(after.feeds()).extracting(FeedResult::outcome).containsExactly(FeedOutcome.SYNCED);
        assertThat(catalog.findFeed(FeedId.of("seaview-airbnb"))
                        .orElseThrow()
                        .fetchState()
                        .consecutiveFailures())
                .isZero();
    }

    @Test
    void consecutiveFailuresBackOffExponentially() {
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.fail(airbnb, 500, "server error", null);

        syncAll(bokit);
        assertThat(catalog.findFeed(FeedId.of("seaview-airbnb"))
                        .orElseThrow()
                        .fetchState()
                        .backoffUntil())
                .isEqualTo(clock.now().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));
        syncAll(bokit);

        var state = catalog.findFeed(FeedId.of("seaview-airbnb")).orElseThrow().fetchState();
        assertThat(state.consecutiveFailures()).isEqualTo(2);
        assertThat(state.backoffUntil()).isEqualTo(clock.now().plus(Duration.ofMinutes(2)));
        assertThat(state.lastError()).isEqualTo("HTTP 500: server error");
    }

    @Test
    void aRetryByHandFetchesAFeedRestingAfterAFailure() {
        // given a feed that failed and rests for a minute, and is fixed since
        Bokit bokit = bokit();
        FeedId id = addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.fail(airbnb, 500, "server error", null);
        syncAll(bokit);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("A1", TODAY, TODAY.plusDays(2))
                        .build());

        // when a normal run comes within the minute, then a run that ignores the back-off
        SyncReport resting = syncAll(bokit);
        SyncReport retried = completed(bokit.sync().sync(new SyncCommand(SyncScope.feeds(Set.of(id)), true, true)));

        // then the first one did not fetch and said until when; the retry fetched and imported
        FeedResult rest = resting.feed(id).orElseThrow();
        assertThat(rest.outcome()).isEqualTo(FeedOutcome.BACKED_OFF);
        assertThat(rest.error()).isNull();
        assertThat(rest.held()).isFalse();
        assertThat(rest.note())
                .isEqualTo("resting after 1 failure until " + clock.now().plus(Duration.ofMinutes(1))
                        + " (last error: HTTP 500: server error)");
        assertThat(retried.feed(id).orElseThrow().outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(retried.totals().created()).isEqualTo(1);
        assertThat(feeds.requestCount(airbnb)).isEqualTo(2);
        assertThat(catalog.findFeed(id).orElseThrow().fetchState().backoffUntil())
                .isNull();
    }

    @Test
    void logsABackedOffFeedAsSkippedWithUntilWhen() {
        // given a feed resting after a failure
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.fail(airbnb, 500, "server error", null);
        syncAll(bokit);

        // when a run comes while it rests
        syncAll(bokit);

        // then its line says it was skipped, and until when; not that it synced
        assertThat(log.lines())
                .contains("[SyncJob] Skipped www.airbnb.com {\"reason\":\"backed_off\",\"until\":\""
                        + clock.now().plus(Duration.ofMinutes(1)) + "\"}")
                .noneMatch(line -> line.startsWith("[SyncJob] Synced"));
    }

    @Test
    void aFeedHeldByTheEmptyFeedGuardSaysSo() {
        // given a feed with a future booking that comes back empty
        Bokit bokit = bokit();
        FeedId id = addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("A1", TODAY.plusDays(1), TODAY.plusDays(3))
                        .build());
        syncAll(bokit);
        feeds.serve(airbnb, ICalFeedBuilder.airbnb().build());

        // when it is synced
        clock.advance(Duration.ofHours(1));
        FeedResult held = syncAll(bokit).feed(id).orElseThrow();

        // then the result says the guard held it, and the log line too
        assertThat(held.outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(held.held()).isTrue();
        assertThat(held.note())
                .isEqualTo("held by the empty-feed guard: the feed came back empty (1 of 3 runs needed to believe it);"
                        + " nothing vanished");
        assertThat(log.lines())
                .anyMatch(line ->
                        line.startsWith("[SyncJob] Synced www.airbnb.com {") && line.endsWith("} " + held.note()));
    }

    @Test
    void skippedEventsSayWhy() {
        // given a feed with an event without a start and a UID served twice
        Bokit bokit = bokit();
        FeedId id = addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("twice", TODAY, TODAY.plusDays(2))
                        .reserved("twice", TODAY.plusDays(4), TODAY.plusDays(6))
                        .raw("BEGIN:VEVENT\r\nUID:startless\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n")
                        .build());

        // when it is synced
        FeedResult result = syncAll(bokit).feed(id).orElseThrow();

        // then both skips are counted and explained
        assertThat(result.counters().skipped()).isEqualTo(2);
        assertThat(result.skippedReasons()).containsExactly("no DTSTART (UID startless)", "duplicate UID twice");
        assertThat(log.lines())
                .anyMatch(line -> line.endsWith("} skipped: no DTSTART (UID startless); duplicate UID twice"));
    }

    @Test
    void theFeedRemembersWhatItsLastBodySkippedUntilABodyWithoutSkipsComes() {
        // given a feed whose body skips an event without a start
        Bokit bokit = bokit();
        FeedId id = addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        String skipping = ICalFeedBuilder.airbnb()
                .reserved("kept", TODAY, TODAY.plusDays(2))
                .raw("BEGIN:VEVENT\r\nUID:startless\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n")
                .build();
        feeds.serve(airbnb, skipping);

        // when it is synced, then synced again with the same body (not modified: nothing is parsed)
        syncAll(bokit);
        FeedResult again = syncAll(bokit).feed(id).orElseThrow();

        // then its state still says what the body it holds skipped, and why
        assertThat(again.outcome()).isEqualTo(FeedOutcome.NOT_MODIFIED);
        FetchState remembered = catalog.findFeed(id).orElseThrow().fetchState();
        assertThat(remembered.skipped()).isEqualTo(1);
        assertThat(remembered.skippedReasons()).containsExactly("no DTSTART (UID startless)");
        assertThat(bokit.status().status().feeds().get(0).state()).isEqualTo(remembered);

        // when the feed fails, its skips are still those of the body it holds
        feeds.fail(airbnb, 503, "unavailable", null);
        syncAll(bokit);
        assertThat(catalog.findFeed(id).orElseThrow().fetchState().skippedReasons())
                .containsExactly("no DTSTART (UID startless)");

        // when a body without damage comes after the feed's rest, the skips are gone
        clock.advance(Duration.ofHours(6));
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("kept", TODAY, TODAY.plusDays(2))
                        .build());
        syncAll(bokit);
        FetchState clean = catalog.findFeed(id).orElseThrow().fetchState();
        assertThat(clean.skipped()).isZero();
        assertThat(clean.skippedReasons()).isEmpty();
    }

    @Test
    void skippedReasonsAreBoundedButTheCountIsNot() {
        // given a feed with eight events without a start
        Bokit bokit = bokit();
        FeedId id = addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        ICalFeedBuilder feed = ICalFeedBuilder.airbnb();
        for (int i = 0; i < 8; i++) {
            feed.raw("BEGIN:VEVENT\r\nUID:bad-" + i + "\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n");
        }
        feeds.serve(airbnb, feed.build());

        // when it is synced
        FeedResult result = syncAll(bokit).feed(id).orElseThrow();

        // then all eight are counted and the first five explained
        assertThat(result.counters().skipped()).isEqualTo(8);
        assertThat(result.skippedReasons())
                .hasSize(FeedResult.MAX_SKIPPED_REASONS)
                .first()
                .isEqualTo("no DTSTART (UID bad-0)");
    }

    @Test
    void aSkippedReasonIsOneShortLineWhateverTheFeedHolds() {
        Bokit bokit = bokit();
        FeedId id = addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        String hostile = "x".repeat(200) + "\u001b[31m";
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .raw("BEGIN:VEVENT\r\nUID:" + hostile + "\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n")
                        .build());

        String reason = syncAll(bokit).feed(id).orElseThrow().skippedReasons().get(0);

        assertThat(reason).startsWith("no DTSTART (UID xxx").endsWith("…)").doesNotContain("\u001b");
        assertThat(reason.length()).isLessThan(110);
    }

    @Test
    void forgettingTheLastClaimMakesTheNextSyncDue() {
        // given a sync that claimed the interval
        Bokit bokit = bokit();
        options.store("sync.interval", "300");
        completed(bokit.sync().sync(new SyncCommand(SyncScope.all(), false)));
        assertThat(bokit.sync().sync(new SyncCommand(SyncScope.all(), false))).isInstanceOf(SyncResult.NotDue.class);

        // when the claim is forgotten
        bokit.sync().forgetLastClaim();

        // then the next sync without force is due, and the status shows no claim
        assertThat(bokit.status().status().lastClaim()).isNull();
        assertThat(bokit.sync().sync(new SyncCommand(SyncScope.all(), false))).isInstanceOf(SyncResult.Completed.class);
    }

    @Test
    void thisProcesssRequestHookNoticesAForgottenClaimAtItsNextRequest() {
        // given a hook that has just claimed the interval, so its fast path says "not due" for five minutes
        Bokit bokit = bokit();
        options.store("install.complete", "true");
        options.store("sync.interval", "300");
        bokit.autoSync().onRequest();
        bokit.autoSync().onRequest();
        assertThat(log.lines())
                .filteredOn(line -> line.startsWith("[SyncJob] Starting"))
                .hasSize(1);

        // when the claim is forgotten in this process
        bokit.sync().forgetLastClaim();
        bokit.autoSync().onRequest();

        // then the next request starts a run at once, not after the refresh period
        assertThat(log.lines())
                .filteredOn(line -> line.startsWith("[SyncJob] Starting"))
                .hasSize(2);
    }

    @Test
    void aManualSyncRespectsTheLeaseAndWithoutForceTheInterval() {
        Bokit bokit = bokit();
        options.store("sync.interval", "300");

        // a normal sync claims the interval; a second one is not due
        assertThat(bokit.sync().sync(new SyncCommand(SyncScope.all(), false))).isInstanceOf(SyncResult.Completed.class);
        assertThat(bokit.sync().sync(new SyncCommand(SyncScope.all(), false)))
                .isEqualTo(new SyncResult.NotDue(clock.now().plusSeconds(300)));

        // force ignores the interval, but not a lease another node holds
        assertThat(bokit.sync().sync(SyncCommand.forceAll())).isInstanceOf(SyncResult.Completed.class);
        var held = state.acquireLease("other-node", Duration.ofMinutes(15), clock.now())
                .orElseThrow();
        assertThat(bokit.sync().sync(SyncCommand.forceAll())).isEqualTo(new SyncResult.Busy(held));
    }

    @Test
    void fetchesDifferentHostsInParallelButOneHostOneRequestAtATime() {
        // given two hosts whose answers each wait until both hosts are being fetched at once,
        // and a third host with three feeds that counts its requests in flight
        Bokit bokit = bokit();
        CountDownLatch bothInFlight = new CountDownLatch(2);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        String empty = ICalFeedBuilder.airbnb().build();
        for (String host : List.of("one.example", "two.example")) {
            FeedUrl url = FeedUrl.parse("https://" + host + "/a.ics");
            addFeed(bokit, "seaview", host.replace('.', '-'), url);
            feeds.answer(url, request -> {
                bothInFlight.countDown();
                try {
                    return bothInFlight.await(10, TimeUnit.SECONDS)
                            ? new ICalFeedPort.Content(empty, null, null)
                            : new ICalFeedPort.Failed("not parallel", 0, null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new ICalFeedPort.Failed("interrupted", 0, null);
                }
            });
        }
        for (int i = 1; i <= 3; i++) {
            FeedUrl url = FeedUrl.parse("https://same.example/" + i + ".ics");
            addFeed(bokit, "garden", "same-" + i, url);
            feeds.answer(url, request -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                inFlight.decrementAndGet();
                return new ICalFeedPort.Content(empty, null, null);
            });
        }

        // when
        SyncReport report = syncAll(bokit);

        // then
        assertThat(report.errors()).isZero();
        assertThat(maxInFlight).hasValue(1);
        assertThat(report.feeds())
                .extracting(FeedResult::feed)
                .extracting(FeedId::value)
                .containsExactly("one-example", "same-1", "same-2", "same-3", "two-example");
    }

    @Test
    void aReappearingBookingIsRestoredAndPastOnesAreNeverTouched() {
        Bokit bokit = bokit();
        addFeed(bokit, "seaview", "seaview-airbnb", airbnb);
        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("past", TODAY.minusDays(10), TODAY.minusDays(7))
                        .reserved("future", TODAY.plusDays(4), TODAY.plusDays(6))
                        .reserved("other", TODAY.plusDays(20), TODAY.plusDays(21))
                        .build());
        syncAll(bokit);

        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("other", TODAY.plusDays(20), TODAY.plusDays(21))
                        .build());
        syncAll(bokit);
        assertThat(bokit.bookings().find(BookingQuery.all()))
                .extracting(b -> b.key().uid() + "=" + b.status().code())
                .containsExactlyInAnyOrder("past=confirmed", "future=vanished", "other=confirmed");

        feeds.serve(
                airbnb,
                ICalFeedBuilder.airbnb()
                        .reserved("future", TODAY.plusDays(4), TODAY.plusDays(6))
                        .reserved("other", TODAY.plusDays(20), TODAY.plusDays(21))
                        .build());
        SyncReport back = syncAll(bokit);
        assertThat(back.totals().updated()).isEqualTo(1);
        assertThat(bokit.bookings().find(BookingQuery.all()))
                .extracting(b -> b.key().uid() + "=" + b.status().code())
                .containsExactlyInAnyOrder("past=confirmed", "future=confirmed", "other=confirmed");
    }

    private BookingStorePort failingApplyFor(FeedId failing) {
        return new CountingApplies(store, new AtomicInteger()) {
            @Override
            public void apply(FeedChangeSet changes) {
                if (changes.feed().equals(failing)) {
                    throw new StorageException("disk full");
                }
                super.apply(changes);
            }
        };
    }

    /** Counts the change sets applied (the store's writes of bookings). */
    private static class CountingApplies implements BookingStorePort {
        private final BookingStorePort delegate;
        private final AtomicInteger applies;

        CountingApplies(BookingStorePort delegate, AtomicInteger applies) {
            this.delegate = delegate;
            this.applies = applies;
        }

        @Override
        public List<Booking> loadFeedBookings(FeedId feed) {
            return delegate.loadFeedBookings(feed);
        }

        @Override
        public void apply(FeedChangeSet changes) {
            if (!changes.isEmpty()) {
                applies.incrementAndGet();
            }
            delegate.apply(changes);
        }

        @Override
        public List<Booking> find(BookingQuery query) {
            return delegate.find(query);
        }

        @Override
        public List<io.bokit.core.domain.BookingChange> history(io.bokit.core.domain.HistoryQuery query) {
            return delegate.history(query);
        }
    }
}
