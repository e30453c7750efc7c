package io.bokit.core.export;

import io.bokit.core.application.ExportService;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
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
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.port.in.ExportCommand;
import io.bokit.core.port.in.ExportResult;
import io.bokit.core.port.out.BookingStorePort;
import io.bokit.core.port.out.FeedCatalogPort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One calendar with two feeds and the bookings a test puts in, exported through {@link ExportService} over
 * read-only fakes (bokit-core's tests cannot use the testkit's in-memory ports).
 */
final class ExportFixture implements FeedCatalogPort, BookingStorePort {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final CalendarKey SEAVIEW = CalendarKey.of("seaview");
    static final FeedId AIRBNB = FeedId.of("seaview-airbnb");
    static final FeedId BOOKING = FeedId.of("seaview-booking");

    private final Calendar calendar;
    private final List<Booking> bookings = new ArrayList<>();

    ExportFixture() {
        this("Seaview apartment");
    }

    ExportFixture(String calendarName) {
        this.calendar = new Calendar(SEAVIEW, calendarName, ZONE);
    }

    Calendar calendar() {
        return calendar;
    }

    ExportFixture add(Booking booking) {
        bookings.add(booking);
        return this;
    }

    ExportFixture add(FeedId feed, String uid, BookingData data) {
        return add(Booking.imported(SEAVIEW, feed, BookingKey.of(uid), data));
    }

    ExportFixture stay(FeedId feed, String uid, String guest, String checkIn, String checkOut) {
        return add(feed, uid, guestData(guest, checkIn, checkOut));
    }

    static BookingData guestData(String guest, String checkIn, String checkOut) {
        return new BookingData(
                BookingStatus.CONFIRMED,
                guest,
                LocalDate.parse(checkIn),
                LocalDate.parse(checkOut),
                null,
                null,
                Map.of(
                        "phone",
                        "+33 6 12 34 56 78",
                        "email",
                        "guest@example.com",
                        "reservationUrl",
                        "https://www.airbnb.com/hosting/reservations/details/HMSECRET"));
    }

    ExportResult export(ExportCommand command) {
        return new ExportService(this, this, () -> NOW).export(command);
    }

    String body() {
        return export(ExportCommand.of(SEAVIEW)).body();
    }

    String bodyWithNames() {
        return export(ExportCommand.of(SEAVIEW).withGuestNames(true)).body();
    }

    // ---- FeedCatalogPort: one calendar, two feeds, read-only

    @Override
    public List<Calendar> calendars() {
        return List.of(calendar);
    }

    @Override
    public Optional<Calendar> findCalendar(CalendarKey key) {
        return SEAVIEW.equals(key) ? Optional.of(calendar) : Optional.empty();
    }

    @Override
    public void saveCalendar(Calendar value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeCalendar(CalendarKey key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Feed> feeds() {
        return List.of(feed(AIRBNB), feed(BOOKING));
    }

    @Override
    public Optional<Feed> findFeed(FeedId id) {
        return feeds().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private static Feed feed(FeedId id) {
        return new Feed(
                SEAVIEW,
                id,
                null,
                FeedUrl.parse("https://example.com/" + id + ".ics?s=secret"),
                true,
                FetchState.NEVER);
    }

    @Override
    public void saveFeed(Feed feed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeFeed(FeedId id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean updateFetchState(FeedId id, FetchState state) {
        throw new UnsupportedOperationException();
    }

    // ---- BookingStorePort: the bookings added, no history

    @Override
    public List<Booking> loadFeedBookings(FeedId feed) {
        return bookings.stream().filter(b -> b.feed().equals(feed)).toList();
    }

    @Override
    public void apply(FeedChangeSet changes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Booking> find(BookingQuery query) {
        return bookings.stream()
                .filter(query::matches)
                .sorted(Comparator.comparing((Booking b) -> b.current().checkIn())
                        .thenComparing(b -> b.feed().value())
                        .thenComparing(b -> b.key().uid()))
                .toList();
    }

    @Override
    public List<BookingChange> history(HistoryQuery query) {
        return List.of();
    }
}
