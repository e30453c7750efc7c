package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.port.out.BookingStorePort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values the contract suites do not reach: zones, odd text, recurrence ids, code-point order. */
abstract class RoundTripTests {
    private static final FeedId FEED = FeedId.of("seaview-beds24");
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");

    private BookingStorePort store;

    abstract TestDatabase database();

    @BeforeEach
    void emptyStore() {
        database().clear(JdbcStoreTests.PREFIX);
        store = database().stores(JdbcStoreTests.PREFIX, false).bookingStore();
    }

    @Test
    void keepsTimedBookingWithZonesMetadataAndBaselineExactly() {
        // given
        ZonedDateTime start =
                ZonedDateTime.of(LocalDateTime.of(2025, 10, 26, 1, 30, 0, 123_456_789), ZoneId.of("Europe/Lisbon"));
        ZonedDateTime end = ZonedDateTime.of(LocalDateTime.of(2025, 10, 28, 11, 0), ZoneOffset.ofHours(-5));
        Map<String, String> metadata = Map.of(
                "comments", "line 1\nline 2\r\nback\\slash = equals",
                "email", "guest@example.com",
                "=odd key\\", "",
                "ünïcødé", "東京 🏖 \t tab",
                "nul", "a\0b");
        BookingData current = new BookingData(
                BookingStatus.CANCELLED_BY_GUEST,
                "Zoë O'Brien; DROP TABLE x --",
                start.toLocalDate(),
                end.toLocalDate(),
                start,
                end,
                metadata);
        BookingData baseline =
                BookingData.allDay(BookingStatus.CONFIRMED, null, start.toLocalDate(), end.toLocalDate());
        Booking booking =
                new Booking(CALENDAR, FEED, new BookingKey("uid-1@beds24", "20251026T013000"), current, baseline, true);

        // when
        store.apply(new FeedChangeSet(FEED, List.of(booking), List.of(), List.of()));

        // then
        assertThat(store.loadFeedBookings(FEED)).containsExactly(booking);
        Booking loaded = store.loadFeedBookings(FEED).get(0);
        assertThat(loaded.current().start().getZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(loaded.current().end().getZone()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void keepsLocalBookingsAndTheirHistoryUnderTheReservedSource() {
        // given: a local booking (no schema change: its source is the reserved feed id @local)
        BookingData data = BookingData.allDay(
                BookingStatus.CONFIRMED, "Zoë", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4));
        Booking local = Booking.imported(CALENDAR, FeedId.local(), BookingKey.of("local-0123456789abcdef"), data);
        Instant at = Instant.parse("2026-11-28T10:00:00Z");
        BookingChange created =
                new BookingChange(at, CALENDAR, FeedId.local(), local.key(), ChangeKind.CREATED, null, null, null);
        Booking cancelled =
                local.with(data.withStatus(BookingStatus.CANCELLED), data.withStatus(BookingStatus.CANCELLED), false);
        BookingChange statusChange = new BookingChange(
                at.plusSeconds(60),
                CALENDAR,
                FeedId.local(),
                local.key(),
                ChangeKind.UPDATED,
                "status",
                "confirmed",
                "cancelled");

        // when
        store.apply(new FeedChangeSet(FeedId.local(), List.of(local), List.of(), List.of(created)));
        store.apply(new FeedChangeSet(FeedId.local(), List.of(), List.of(cancelled), List.of(statusChange)));

        // then
        assertThat(store.loadFeedBookings(FeedId.local())).containsExactly(cancelled);
        assertThat(store.loadFeedBookings(FEED)).isEmpty();
        assertThat(store.find(new BookingQuery(CALENDAR, null, null, java.util.Set.of(), false)))
                .containsExactly(cancelled);
        assertThat(store.history(new HistoryQuery(null, FeedId.local(), 10))).containsExactly(statusChange, created);
        assertThat(store.loadFeedBookings(FeedId.local()).get(0).feed().isLocal())
                .isTrue();
    }

    @Test
    void keepsSingleAndRecurringKeysOfOneUidApart() {
        // given
        Booking single = booking(BookingKey.of("weekly"), 1);
        Booking occurrence = booking(new BookingKey("weekly", "20250708"), 8);

        // when
        store.apply(new FeedChangeSet(FEED, List.of(single, occurrence), List.of(), List.of()));

        // then
        assertThat(store.loadFeedBookings(FEED)).containsExactlyInAnyOrder(single, occurrence);
        assertThat(store.find(BookingQuery.all())).containsExactly(single, occurrence);
    }

    @Test
    void sortsUidsByCodePointWhateverTheCollation() {
        // given: one check-in day; code points z < é < U+FFFD < U+1D11E (String.compareTo puts the last two the other
        // way)
        List<String> uids = List.of("z", "é", "\uFFFD", "𝄞", "Z", "a-b", "ab");
        List<Booking> bookings =
                uids.stream().map(uid -> booking(BookingKey.of(uid), 1)).toList();
        store.apply(new FeedChangeSet(FEED, bookings, List.of(), List.of()));

        // when
        List<String> sorted = store.find(BookingQuery.all()).stream()
                .map(booking -> booking.key().uid())
                .toList();

        // then
        assertThat(sorted).containsExactly("Z", "a-b", "ab", "z", "é", "\uFFFD", "𝄞");
    }

    @Test
    void keepsHistoryFieldsAndOrdersEqualTimesLatestAppliedFirst() {
        // given
        Booking booking = booking(new BookingKey("uid-2", "r1"), 3);
        Instant at = Instant.parse("2025-06-01T10:00:00.123456Z");
        BookingChange created =
                new BookingChange(at, CALENDAR, FEED, booking.key(), ChangeKind.CREATED, null, null, null);
        BookingChange conflict = new BookingChange(
                at, CALENDAR, FEED, booking.key(), ChangeKind.CONFLICT, "metadata.notes", "host's", "feed's\nnew");

        // when
        store.apply(new FeedChangeSet(FEED, List.of(booking), List.of(), List.of(created, conflict)));

        // then
        assertThat(store.history(HistoryQuery.latest(10))).containsExactly(conflict, created);
    }

    private static Booking booking(BookingKey key, int day) {
        BookingData data = BookingData.allDay(
                BookingStatus.CONFIRMED, "Guest", LocalDate.of(2025, 7, day), LocalDate.of(2025, 7, day + 2));
        return Booking.imported(CALENDAR, FEED, key, data);
    }
}
