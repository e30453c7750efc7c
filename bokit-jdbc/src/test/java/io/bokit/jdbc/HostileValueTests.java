package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.BokitException;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.StorageException;
import io.bokit.testkit.HostileValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Hostile text in every free-text column of the real stores: quotes, SQL fragments, control
 * characters, NUL, lone surrogates, markup and ~100 KB strings as calendar and feed names, feed URLs,
 * last errors, option values, booking UIDs, recurrence ids, guest names and metadata. Each value is
 * stored and read back verbatim, or refused with a {@link BokitException} that says what and leaves
 * nothing written; the tables are still there afterwards, holding exactly what they should.
 */
abstract class HostileValueTests {
    static final Map<String, String> HOSTILE = HostileValues.all();
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");
    private static final FeedId FEED = FeedId.of("seaview-airbnb");
    private static final FeedUrl URL = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=abc");
    private static final List<String> TABLES =
            List.of("option", "calendar", "feed", "booking", "booking_history", "sync_state");

    private final Map<String, String> outcomes = new TreeMap<>();
    private BokitJdbc stores;

    abstract TestDatabase database();

    @BeforeEach
    void emptyStore() {
        database().clear(JdbcStoreTests.PREFIX);
        stores = database().stores(JdbcStoreTests.PREFIX, false);
        stores.feedCatalog().saveCalendar(new Calendar(CALENDAR, "Sea View", ZoneOffset.UTC));
        stores.feedCatalog().saveFeed(Feed.of(CALENDAR, FEED, URL));
    }

    @Test
    void calendarAndFeedNamesAreStoredVerbatimOrRefused() {
        HOSTILE.forEach((kind, value) -> {
            // a name too long for any store is refused by the domain record itself
            CalendarKey key = CalendarKey.of("cal-" + kind);
            attempt(
                    "calendar name",
                    kind,
                    () -> stores.feedCatalog().saveCalendar(new Calendar(key, value, ZoneOffset.UTC)),
                    () -> stores.feedCatalog()
                            .findCalendar(key)
                            .map(Calendar::name)
                            .orElse(null),
                    value);

            FeedId id = FeedId.of("feed-" + kind);
            attempt(
                    "feed name",
                    kind,
                    () -> stores.feedCatalog().saveFeed(new Feed(CALENDAR, id, value, URL, true, FetchState.NEVER)),
                    () -> stores.feedCatalog().findFeed(id).map(Feed::name).orElse(null),
                    value);
        });
    }

    @Test
    void feedUrlsAndLastErrorsAreStoredVerbatimOrRefused() {
        HOSTILE.forEach((kind, value) -> {
            FeedUrl url = urlOrNull("https://channel.example.com/cal.ics?name=" + value);
            if (url != null) {
                FeedId id = FeedId.of("url-" + kind);
                attempt(
                        "feed URL",
                        kind,
                        () -> stores.feedCatalog().saveFeed(Feed.of(CALENDAR, id, url)),
                        () -> stores.feedCatalog()
                                .findFeed(id)
                                .map(feed -> feed.url().reveal().toString())
                                .orElse(null),
                        url.reveal().toString());
            }
            FetchState failed = new FetchState(
                    value, value, null, Instant.parse("2026-11-28T10:00:00Z"), null, value, 1, null, 0, 0);
            attempt(
                    "last error",
                    kind,
                    () -> assertThat(stores.feedCatalog().updateFetchState(FEED, failed))
                            .isTrue(),
                    () -> {
                        FetchState stored = stores.feedCatalog()
                                .findFeed(FEED)
                                .orElseThrow()
                                .fetchState();
                        return stored.lastError() == null
                                ? null
                                : stored.lastError() + "|" + stored.etag() + "|" + stored.lastModified();
                    },
                    value + "|" + value + "|" + value);
            FetchState skipping = new FetchState(
                    null, null, null, null, null, null, 0, null, 0, 0, 1, List.of(value, "second " + value));
            attempt(
                    "skipped reasons",
                    kind,
                    () -> assertThat(stores.feedCatalog().updateFetchState(FEED, skipping))
                            .isTrue(),
                    () -> {
                        List<String> stored = stores.feedCatalog()
                                .findFeed(FEED)
                                .orElseThrow()
                                .fetchState()
                                .skippedReasons();
                        return stored.isEmpty() ? null : String.join("|", stored);
                    },
                    String.join("|", skipping.skippedReasons()));
            stores.feedCatalog().updateFetchState(FEED, FetchState.NEVER);
        });
    }

    @Test
    void optionKeysAndValuesAreStoredVerbatimOrRefused() {
        HOSTILE.forEach((kind, value) -> {
            attempt(
                    "option value",
                    kind,
                    () -> stores.options().store("x.hostile." + kind, value),
                    () -> stores.options().load("x.hostile." + kind).orElse(null),
                    value);
            String key = value.length() > 200 ? value.substring(0, 100) : value;
            attempt(
                    "option key",
                    kind,
                    () -> stores.options().store(key, "v"),
                    () -> stores.options().load(key).orElse(null),
                    "v");
        });
    }

    @Test
    void bookingUidsGuestNamesAndMetadataAreStoredVerbatimOrRefused() {
        HOSTILE.forEach((kind, value) -> {
            attempt(
                    "booking UID",
                    kind,
                    () -> apply(booking(new BookingKey(value, null), "Guest", Map.of())),
                    () -> uidOf(value),
                    value);
            attempt(
                    "recurrence id",
                    kind,
                    () -> apply(booking(new BookingKey("r-" + kind, value), "Guest", Map.of())),
                    () -> loaded(new BookingKey("r-" + kind, value)),
                    "r-" + kind);
            attempt(
                    "guest name",
                    kind,
                    () -> apply(booking(BookingKey.of("g-" + kind), value, Map.of())),
                    () -> guestOf(BookingKey.of("g-" + kind)),
                    value);
            Map<String, String> metadata = Map.of(value.length() > 200 ? value.substring(0, 100) : value, value);
            attempt(
                    "metadata",
                    kind,
                    () -> apply(booking(BookingKey.of("m-" + kind), "Guest", metadata)),
                    () -> metadataOf(BookingKey.of("m-" + kind)),
                    metadata.toString());
        });
    }

    @Test
    void refusedWritesLeaveTheWholeChangeSetUnwritten() {
        Booking good = booking(BookingKey.of("good"), "Good Guest", Map.of());
        Booking nul = booking(BookingKey.of("nul"), "bad\u0000guest", Map.of());

        try {
            apply(good, nul);
        } catch (StorageException | InvalidInputException refused) {
            // refused as a whole: neither booking is there
            assertThat(stores.bookingStore().loadFeedBookings(FEED)).isEmpty();
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(stores.bookingStore().loadFeedBookings(FEED)).containsExactlyInAnyOrder(good, nul);
    }

    /** Ids and keys never reach a store unchecked: the domain refuses anything but its id characters. */
    @Test
    void hostileIdsAndKeysAreRefusedBeforeTheStore() {
        HOSTILE.forEach((kind, value) -> {
            assertThatThrownBy(() -> CalendarKey.of(value)).as(kind).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> FeedId.of(value)).as(kind).isInstanceOf(InvalidInputException.class);
        });
    }

    /**
     * Writes a value, then checks: either it is read back as expected, or the write threw a {@link
     * BokitException} naming the problem and nothing was written. Then the tables must all be there.
     */
    private void attempt(String what, String kind, Runnable write, Supplier<String> read, String expected) {
        String label = what + " with " + kind;
        String outcome;
        try {
            write.run();
            assertThat(escaped(read.get())).as(label + " reads back verbatim").isEqualTo(escaped(expected));
            outcome = "stored";
        } catch (BokitException refused) {
            assertThat(refused).as(label).isInstanceOfAny(StorageException.class, InvalidInputException.class);
            assertThat(refused.getMessage()).as(label).isNotBlank();
            assertThat(read.get()).as(label + " refused: nothing written").isNull();
            outcome = refused.getClass().getSimpleName() + reason(refused.getMessage());
        }
        outcomes.put(what + " / " + kind, outcome);
        tablesAreIntact(label);
    }

    private void tablesAreIntact(String label) {
        for (String table : TABLES) {
            assertThat(database().queryLong("SELECT COUNT(*) FROM " + JdbcStoreTests.PREFIX + table))
                    .as(label + ": table " + table + " is still there")
                    .isGreaterThanOrEqualTo(0);
        }
        assertThat(stores.feedCatalog().findCalendar(CALENDAR)).as(label).isPresent();
        assertThat(stores.feedCatalog().findFeed(FEED)).as(label).isPresent();
        assertThat(database().queryLong("SELECT COUNT(*) FROM " + JdbcStoreTests.PREFIX + "sync_state"))
                .as(label)
                .isEqualTo(1);
    }

    @AfterEach
    void printOutcomes(TestInfo test) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<String> refused = outcomes.entrySet().stream()
                .filter(outcome -> !outcome.getValue().equals("stored"))
                .map(outcome -> outcome.getKey() + ": " + outcome.getValue())
                .toList();
        System.out.printf(
                "[reliability] hostile values, %s, %s: %d writes, %d stored and read back verbatim, %d refused with"
                        + " a clear error and nothing written [%s]; every table intact after every write%n",
                database(),
                test.getTestMethod().map(method -> method.getName()).orElse("?"),
                outcomes.size(),
                outcomes.size() - refused.size(),
                refused.size(),
                String.join("; ", refused));
    }

    private void apply(Booking... bookings) {
        stores.bookingStore().apply(new FeedChangeSet(FEED, List.of(bookings), List.of(), List.of()));
    }

    private String uidOf(String uid) {
        return loaded(BookingKey.of(uid));
    }

    private String loaded(BookingKey key) {
        return find(key).map(booking -> booking.key().uid()).orElse(null);
    }

    private String guestOf(BookingKey key) {
        return find(key).map(booking -> booking.current().guestName()).orElse(null);
    }

    private String metadataOf(BookingKey key) {
        return find(key).map(booking -> booking.current().metadata().toString()).orElse(null);
    }

    private java.util.Optional<Booking> find(BookingKey key) {
        return stores.bookingStore().find(BookingQuery.all()).stream()
                .filter(booking -> booking.key().equals(key))
                .findFirst();
    }

    private static Booking booking(BookingKey key, String guest, Map<String, String> metadata) {
        BookingData data = new BookingData(
                BookingStatus.CONFIRMED,
                guest,
                LocalDate.of(2027, 1, 10),
                LocalDate.of(2027, 1, 12),
                null,
                null,
                metadata);
        return Booking.imported(CALENDAR, FEED, key, data);
    }

    private static FeedUrl urlOrNull(String text) {
        try {
            return FeedUrl.parse(text);
        } catch (InvalidInputException refused) {
            return null;
        }
    }

    /** The text with every character outside printable ASCII as {@code \\uXXXX}, so a difference shows. */
    private static String escaped(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(c ->
                        out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    /** The gist of a refusal: what the text contains, or the SQL state. */
    private static String reason(String message) {
        if (message.contains("NUL character")) {
            return " (NUL)";
        }
        if (message.contains("unpaired surrogate")) {
            return " (unpaired surrogate)";
        }
        int state = message.indexOf("SQL state ");
        return state < 0 ? "" : " (" + message.substring(state, message.indexOf(')', state)) + ")";
    }
}
