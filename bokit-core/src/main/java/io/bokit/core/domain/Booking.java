package io.bokit.core.domain;

import java.util.Objects;

/**
 * A booking imported from a feed: its current values, the values last imported (the baseline
 * of the three-way merge, so a host's local edit is not overwritten), and a soft-delete flag.
 *
 * @param calendar the calendar it belongs to
 * @param feed the feed it came from
 * @param key its identity within the feed
 * @param current the values as they are now (the feed's, or the host's local edit)
 * @param baseline the values last imported from the feed
 * @param deleted whether it was soft-deleted (a block that left the feed)
 */
public record Booking(
        CalendarKey calendar, FeedId feed, BookingKey key, BookingData current, BookingData baseline, boolean deleted) {

    public Booking {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(baseline, "baseline");
    }

    /** A booking just imported: current and baseline are the feed's values. */
    public static Booking imported(CalendarKey calendar, FeedId feed, BookingKey key, BookingData data) {
        return new Booking(calendar, feed, key, data, data, false);
    }

    /** Shorthand for {@code current().status()}. */
    public BookingStatus status() {
        return current.status();
    }

    /** This booking with other current values. */
    public Booking withCurrent(BookingData value) {
        return new Booking(calendar, feed, key, value, baseline, deleted);
    }

    /** This booking with other current and baseline values and a delete flag. */
    public Booking with(BookingData newCurrent, BookingData newBaseline, boolean newDeleted) {
        return new Booking(calendar, feed, key, newCurrent, newBaseline, newDeleted);
    }
}
