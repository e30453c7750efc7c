package io.bokit.testkit;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Ready-made calendars, feeds, bookings, history entries and change sets for tests. */
public final class Fixtures {
    /** The time zone of every fixture calendar. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");

    private Fixtures() {}

    /**
     * A calendar named after its key, in {@link #ZONE}.
     *
     * @param key a valid calendar key, e.g. {@code seaview}
     * @return the calendar
     */
    public static Calendar calendar(String key) {
        return new Calendar(CalendarKey.of(key), "Calendar " + key, ZONE);
    }

    /**
     * A new, enabled, never fetched feed whose URL carries a secret token.
     *
     * @param calendar the calendar's key
     * @param id the feed's id
     * @return the feed, named after its URL's host
     */
    public static Feed feed(String calendar, String id) {
        FeedUrl url = FeedUrl.parse("https://channel.example.com/ical/" + id + ".ics?token=secret-" + id);
        return Feed.of(CalendarKey.of(calendar), FeedId.of(id), url);
    }

    /**
     * A confirmed all-day booking just imported from a feed, its guest named after its UID.
     *
     * @param calendar the calendar's key
     * @param feed the feed's id
     * @param uid the event's UID
     * @param checkIn the arrival day
     * @param checkOut the departure day, not before check-in
     * @return the booking
     */
    public static Booking booking(String calendar, String feed, String uid, LocalDate checkIn, LocalDate checkOut) {
        return booking(calendar, feed, uid, BookingStatus.CONFIRMED, checkIn, checkOut);
    }

    /**
     * An all-day booking just imported from a feed, its guest named after its UID.
     *
     * @param calendar the calendar's key
     * @param feed the feed's id
     * @param uid the event's UID
     * @param status the status
     * @param checkIn the arrival day
     * @param checkOut the departure day, not before check-in
     * @return the booking
     */
    public static Booking booking(
            String calendar, String feed, String uid, BookingStatus status, LocalDate checkIn, LocalDate checkOut) {
        BookingData data = BookingData.allDay(status, "Guest " + uid, checkIn, checkOut);
        return Booking.imported(CalendarKey.of(calendar), FeedId.of(feed), BookingKey.of(uid), data);
    }

    /**
     * A whole-booking change-history entry.
     *
     * @param at when it happened
     * @param booking the booking concerned
     * @param kind what happened
     * @return the entry, without field or values
     */
    public static BookingChange change(Instant at, Booking booking, ChangeKind kind) {
        return new BookingChange(at, booking.calendar(), booking.feed(), booking.key(), kind, null, null, null);
    }

    /**
     * A change set that only inserts bookings.
     *
     * @param feed the feed's id, which every booking must have
     * @param bookings the bookings to insert
     * @return the change set, without history
     */
    public static FeedChangeSet inserting(String feed, Booking... bookings) {
        return new FeedChangeSet(FeedId.of(feed), List.of(bookings), List.of(), List.of());
    }

    /**
     * A change set that only updates bookings.
     *
     * @param feed the feed's id, which every booking must have
     * @param bookings the bookings in their new state
     * @return the change set, without history
     */
    public static FeedChangeSet updating(String feed, Booking... bookings) {
        return new FeedChangeSet(FeedId.of(feed), List.of(), List.of(bookings), List.of());
    }
}
