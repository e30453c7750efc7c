package io.bokit.core.fuzz;

import static io.bokit.core.ical.Generators.between;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.bokit.core.application.Bokit;
import io.bokit.core.application.FeedParser;
import io.bokit.core.application.RunSettings;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedParseException;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.ical.Generators;
import io.bokit.core.ical.Mutations;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Fuzzes a whole sync of one feed over the in-memory ports: a valid first import (past and future stays and blocks,
 * some edited locally by the host), then a generated body (the first feed mutated, a generated calendar, or garbage)
 * a few days later. Whatever the body:
 *
 * <ul>
 *   <li>no exception escapes {@code Bokit.sync()}, and the run finishes (a hang guard, not a speed test);
 *   <li>a feed that failed changed nothing: the stored bookings and the history are exactly as before;
 *   <li>a feed that synced keeps the counters ({@code created + updated + unchanged + skipped == total}), loses no
 *       booking, never touches a past booking the feed no longer has, and stores only possible stays.
 * </ul>
 *
 * <p>Seeded and bounded for {@code mvn verify}; see {@link Fuzz} for the longer run ({@code -Dbokit.fuzz.tries}).
 */
class SyncFuzzTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final String START = "2026-11-28T10:00:00Z";
    private static final FeedUrl URL = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=t0k3n");
    private static final FeedId FEED = FeedId.of("seaview-airbnb");
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final Logger CORE_LOG = (Logger) LoggerFactory.getLogger("io.bokit");
    private static Level level;

    @BeforeAll
    static void quiet() {
        // thousands of runs: the seed's per-feed INFO and WARN lines would drown the build's output
        level = CORE_LOG.getLevel();
        CORE_LOG.setLevel(Level.ERROR);
    }

    @AfterAll
    static void restore() {
        CORE_LOG.setLevel(level);
    }

    @Test
    void aFeedThatFailsChangesNothingAndNoExceptionEscapesTheSync() {
        Fuzz.check("sync.whole-feed", 300, SyncFuzzTest::scenario, SyncFuzzTest::check);
    }

    /** The first, valid feed; how the host edited it; how far the clock moves; the second body. */
    record Scenario(String first, int localEdits, int days, String second, String origin) {
        @Override
        public String toString() {
            return origin + " after " + days + " days, " + localEdits + " local edits; first feed:\n" + first
                    + "\nsecond body: " + Fuzz.preview(second);
        }
    }

    static Scenario scenario(Random random) {
        LocalDate today = LocalDate.of(2026, 11, 28);
        ICalFeedBuilder builder = ICalFeedBuilder.airbnb();
        for (int k = between(random, 2, 8); k > 0; k--) {
            LocalDate checkIn = today.plusDays(between(random, -60, 60));
            LocalDate checkOut = checkIn.plusDays(between(random, 1, 10));
            String uid = "E" + k + "@airbnb.com";
            switch (random.nextInt(3)) {
                case 0 -> builder.reserved(uid, checkIn, checkOut);
                case 1 -> builder.blocked(uid, checkIn, checkOut);
                default -> builder.event(uid, checkIn, checkOut, "CLOSED - Guest " + k);
            }
        }
        String first = builder.build();
        String second;
        String origin;
        switch (Generators.weighted(random, 6, 2, 2)) {
            case 0 -> {
                List<Mutations.Mutation> mutations = Mutations.some(random);
                second = Mutations.apply(first, mutations);
                origin = "mutated by " + mutations;
            }
            case 1 -> {
                second = Generators.calendar(random);
                origin = "generated calendar";
            }
            default -> {
                second = Generators.garbage(random);
                origin = "garbage";
            }
        }
        return new Scenario(first, random.nextInt(3), random.nextInt(4), second, origin);
    }

    static String check(Scenario scenario) {
        // given a first import and the host's local edits
        Ports ports = new Ports();
        Bokit bokit = ports.bokit();
        ports.feeds.serve(URL, scenario.first());
        FeedResult first = onlyFeed(bokit.sync().sync(SyncCommand.forceAll()));
        assertThat(first.outcome()).isEqualTo(FeedOutcome.SYNCED);
        List<Booking> imported = ports.store.loadFeedBookings(FEED);
        for (int k = 0; k < scenario.localEdits() && k < imported.size(); k++) {
            Booking booking = imported.get(k);
            BookingData current = booking.current();
            BookingData edited = new BookingData(
                    current.status(),
                    "Edited by the host",
                    current.checkIn(),
                    current.checkOut().plusDays(1),
                    current.start(),
                    current.end(),
                    Map.of("notes", "'; DROP TABLE bokit_booking; --"));
            ports.store.apply(new FeedChangeSet(FEED, List.of(), List.of(booking.withCurrent(edited)), List.of()));
        }
        Map<BookingKey, Booking> before = byKey(ports.store.loadFeedBookings(FEED));
        List<BookingChange> historyBefore = ports.store.history(HistoryQuery.latest(HistoryQuery.MAX_LIMIT));

        // when the feed serves the second body some days later
        ports.clock.advance(Duration.ofDays(scenario.days()));
        LocalDate today = LocalDate.ofInstant(ports.clock.now(), ZONE);
        ports.feeds.serve(URL, scenario.second());
        SyncResult result = assertTimeoutPreemptively(
                HANG_GUARD, () -> bokit.sync().sync(SyncCommand.forceAll()), "the sync did not finish");
        FeedResult feed = onlyFeed(result);

        // then
        Map<BookingKey, Booking> after = byKey(ports.store.loadFeedBookings(FEED));
        if (feed.failed()) {
            assertThat(after)
                    .as("bookings after a failed feed (%s)", feed.error())
                    .isEqualTo(before);
            assertThat(ports.store.history(HistoryQuery.latest(HistoryQuery.MAX_LIMIT)))
                    .isEqualTo(historyBefore);
            return "failed, nothing changed";
        }
        if (feed.outcome() == FeedOutcome.NOT_MODIFIED) {
            assertThat(after).isEqualTo(before);
            return "not modified";
        }
        assertThat(feed.outcome()).isEqualTo(FeedOutcome.SYNCED);
        SyncCounters c = feed.counters();
        assertThat(c.created() + c.updated() + c.unchanged() + c.skipped())
                .as("created + updated + unchanged + skipped == total in %s", c)
                .isEqualTo(c.total());
        assertThat(after.keySet()).containsAll(before.keySet());
        assertThat(after).hasSize(before.size() + c.created());
        Set<BookingKey> inFeed = keysOf(scenario.second(), ports.calendar(), today);
        for (Booking old : before.values()) {
            if (old.current().checkOut().isBefore(today) && !inFeed.contains(old.key())) {
                assertThat(after.get(old.key()))
                        .as("past booking %s absent from the feed", old.key())
                        .isEqualTo(old);
            }
        }
        for (Booking booking : after.values()) {
            assertThat(booking.current().checkOut())
                    .isAfterOrEqualTo(booking.current().checkIn());
        }
        return c.created() + c.updated() + c.vanished() + c.deleted() == 0 ? "synced, no change" : "synced, changed";
    }

    private static FeedResult onlyFeed(SyncResult result) {
        assertThat(result).isInstanceOf(SyncResult.Completed.class);
        List<FeedResult> feeds = ((SyncResult.Completed) result).report().feeds();
        assertThat(feeds).hasSize(1);
        return feeds.get(0);
    }

    private static Map<BookingKey, Booking> byKey(List<Booking> bookings) {
        Map<BookingKey, Booking> map = new HashMap<>();
        bookings.forEach(booking -> map.put(booking.key(), booking));
        return map;
    }

    private static Set<BookingKey> keysOf(String body, Calendar calendar, LocalDate today) {
        Set<BookingKey> keys = new HashSet<>();
        try {
            for (FeedEvent event :
                    FeedParser.ical().parse(body, calendar, today).events()) {
                keys.add(event.key());
            }
        } catch (FeedParseException e) {
            // not parsed: no key
        }
        return keys;
    }

    /** One calendar and one feed over fresh in-memory ports. */
    private static final class Ports {
        final MutableClock clock = MutableClock.at(START);
        final InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
        final InMemoryBookingStore store = new InMemoryBookingStore();
        final InMemoryFeedSource feeds = new InMemoryFeedSource();

        Bokit bokit() {
            Bokit bokit = Bokit.builder()
                    .options(new InMemoryOptions())
                    .syncState(new InMemorySyncState())
                    .catalog(catalog)
                    .bookings(store)
                    .fetcher(feeds)
                    .clock(clock)
                    .settings(new RunSettings("fuzz-node", Duration.ofMinutes(15), Duration.ofSeconds(60)))
                    .runExecutor(Runnable::run)
                    .jitter(() -> 1.0)
                    .build();
            bokit.feeds().addCalendar(new AddCalendarCommand(CalendarKey.of("seaview"), "Sea view", ZONE));
            bokit.feeds().addFeed(new AddFeedCommand(CalendarKey.of("seaview"), FEED, URL, null));
            return bokit;
        }

        Calendar calendar() {
            return catalog.findCalendar(CalendarKey.of("seaview")).orElseThrow();
        }
    }
}
