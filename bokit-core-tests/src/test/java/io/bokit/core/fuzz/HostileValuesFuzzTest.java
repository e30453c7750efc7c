package io.bokit.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.InvalidOptionException;
import io.bokit.core.domain.OptionKey;
import io.bokit.core.ical.Generators;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.OptionValue;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile values through the core's validation and the in-memory ports: quotes, SQL fragments
 * ({@code '; DROP TABLE bokit_booking; --}), control characters, lone surrogates, markup and strings of about 100 KB.
 * Ids, keys and options are either refused with {@link InvalidInputException} / {@link InvalidOptionException} or
 * accepted unchanged; names, guest names and metadata are stored verbatim and read back identical. No other
 * exception. (The JDBC store gets its own version of this test.)
 *
 * <p>Seeded and bounded for {@code mvn verify}; see {@link Fuzz} for the longer run ({@code -Dbokit.fuzz.tries}).
 */
class HostileValuesFuzzTest {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String PLANTED = "PLANTED-s3cret";

    /** Mostly hostile text, sometimes a valid id with a hostile twist, so both outcomes are exercised. */
    private static String hostileId(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Generators.hostileText(random);
            case 1 -> "seaview" + Generators.pick(random, Generators.NASTY);
            default -> Generators.textOf(random, 70, "abcXYZ019._-");
        };
    }

    @Test
    void idsAreRefusedOrAcceptedUnchanged() {
        Fuzz.check("hostile.ids", 1000, HostileValuesFuzzTest::hostileId, text -> {
            String calendar = refusedOrSame(text, () -> CalendarKey.of(text).value());
            String feed = refusedOrSame(text, () -> FeedId.of(text).value());
            assertThat(calendar).isEqualTo(feed);
            return calendar;
        });
    }

    private static String refusedOrSame(String text, java.util.function.Supplier<String> make) {
        try {
            String value = make.get();
            assertThat(value).isEqualTo(text);
            assertThat(ID.matcher(value).matches()).isTrue();
            return "accepted";
        } catch (InvalidInputException e) {
            return "refused";
        }
    }

    @Test
    void optionValuesAreRefusedOrStoredInTheirCanonicalForm() {
        List<String> keys = OptionKey.all().stream().map(OptionKey::key).toList();
        Fuzz.check(
                "hostile.options",
                1000,
                random -> new String[] {
                    random.nextInt(5) == 0 ? Generators.hostileText(random) : Generators.pick(random, keys),
                    random.nextInt(4) == 0
                            ? Generators.pick(random, List.of("60", "true", "0", "UTC", "Europe/Paris", "3"))
                                    + Generators.pick(
                                            random, List.of("", " ", "\u0000", "'; DROP TABLE bokit_option; --"))
                            : Generators.hostileText(random)
                },
                pair -> {
                    InMemoryOptions store = new InMemoryOptions();
                    Bokit bokit = bokit(store, new InMemoryFeedCatalog(), new InMemoryBookingStore());
                    try {
                        OptionValue set = bokit.options().set(pair[0], pair[1]);
                        assertThat(keys).contains(pair[0]);
                        assertThat(store.loadAll()).containsEntry(pair[0], set.value());
                        assertThat(bokit.options().get(pair[0]).value()).isEqualTo(set.value());
                        return "accepted";
                    } catch (InvalidOptionException e) {
                        assertThat(store.loadAll()).isEmpty();
                        return "refused";
                    }
                });
    }

    @Test
    void calendarAndFeedNamesAreStoredVerbatim() {
        Fuzz.check("hostile.names", 500, Generators::hostileText, name -> {
            InMemoryFeedCatalog catalog = new InMemoryFeedCatalog();
            Bokit bokit = bokit(new InMemoryOptions(), catalog, new InMemoryBookingStore());
            CalendarKey key = CalendarKey.of("seaview");
            try {
                bokit.feeds().addCalendar(new AddCalendarCommand(key, name, ZoneOffset.UTC));
            } catch (InvalidInputException e) {
                assertThat(name.isBlank() || name.strip().length() > Calendar.MAX_NAME_LENGTH)
                        .as("refused a name that is neither blank nor too long")
                        .isTrue();
                assertThat(catalog.calendars()).isEmpty();
                return name.isBlank() ? "refused (blank)" : "refused (too long)";
            }
            // a calendar's name is stored stripped of surrounding white space, otherwise verbatim
            assertThat(catalog.findCalendar(key).map(Calendar::name)).contains(name.strip());

            FeedUrl url = FeedUrl.parse("https://www.airbnb.com/calendar/ical/1.ics?s=" + PLANTED);
            if (name.length() > Calendar.MAX_NAME_LENGTH) {
                assertThatThrownBy(() -> bokit.feeds().addFeed(new AddFeedCommand(key, FeedId.of("a"), url, name)))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("at most " + Calendar.MAX_NAME_LENGTH);
                assertThat(catalog.feeds()).isEmpty();
                return "calendar stored, feed refused (too long)";
            }
            bokit.feeds().addFeed(new AddFeedCommand(key, FeedId.of("seaview-airbnb"), url, name));
            Feed feed = bokit.feeds().feed(FeedId.of("seaview-airbnb"));
            assertThat(feed.name()).isEqualTo(name.isBlank() ? "www.airbnb.com" : name);
            assertThat(feed.url()).isEqualTo(url);
            return "stored";
        });
    }

    @Test
    void guestNamesMetadataAndUidsAreStoredVerbatim() {
        Fuzz.check(
                "hostile.bookings",
                500,
                random -> {
                    Map<String, String> metadata = new TreeMap<>();
                    for (int k = random.nextInt(4); k > 0; k--) {
                        metadata.put(Generators.hostileText(random), Generators.hostileText(random));
                    }
                    String uid = Generators.hostileText(random);
                    BookingData data = new BookingData(
                            BookingStatus.CONFIRMED,
                            Generators.hostileText(random),
                            LocalDate.of(2026, 12, 1),
                            LocalDate.of(2026, 12, 4),
                            null,
                            null,
                            metadata);
                    return new Object[] {uid, data};
                },
                input -> {
                    BookingKey key;
                    try {
                        key = BookingKey.of((String) input[0]);
                    } catch (InvalidInputException e) {
                        assertThat(((String) input[0]).isBlank()).isTrue();
                        return "uid refused (blank)";
                    }
                    InMemoryBookingStore store = new InMemoryBookingStore();
                    FeedId feed = FeedId.of("seaview-airbnb");
                    Booking booking = Booking.imported(CalendarKey.of("seaview"), feed, key, (BookingData) input[1]);
                    store.apply(new FeedChangeSet(feed, List.of(booking), List.of(), List.of()));
                    List<Booking> read = store.loadFeedBookings(feed);
                    assertThat(read).containsExactly(booking);
                    assertThat(read.get(0).current().guestName()).isEqualTo(((BookingData) input[1]).guestName());
                    assertThat(read.get(0).current().metadata()).isEqualTo(((BookingData) input[1]).metadata());
                    assertThat(read.get(0).key().uid()).isEqualTo(input[0]);
                    return "stored";
                });
    }

    @Test
    void feedUrlsAreRefusedOrAcceptedAndNeverShowTheirSecret() {
        Fuzz.check(
                "hostile.urls",
                500,
                random -> Generators.pick(random, List.of("https://", "http://", "file:", "", "webcal://", "HTTPS://"))
                        + Generators.hostileText(random)
                        + Generators.pick(random, List.of("", "/cal.ics", ".example.com/cal.ics"))
                        + "?token="
                        + PLANTED,
                text -> {
                    try {
                        FeedUrl url = FeedUrl.parse(text);
                        assertThat(url.masked()).doesNotContain(PLANTED);
                        assertThat(url.toString()).doesNotContain(PLANTED);
                        return "accepted";
                    } catch (InvalidInputException e) {
                        assertThat(e.getMessage()).doesNotContain(PLANTED);
                        return "refused";
                    }
                });
    }

    private static Bokit bokit(InMemoryOptions options, InMemoryFeedCatalog catalog, InMemoryBookingStore store) {
        return Bokit.builder()
                .options(options)
                .syncState(new InMemorySyncState())
                .catalog(catalog)
                .bookings(store)
                .fetcher(new InMemoryFeedSource())
                .runExecutor(Runnable::run)
                .build();
    }
}
