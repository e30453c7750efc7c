package io.bokit.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * Everything one sync run changes for one feed, applied by the store all at once or not at all.
 *
 * @param feed the feed
 * @param inserts bookings new to the store
 * @param updates bookings already stored, in their new state
 * @param history the change-history entries that describe these changes
 */
public record FeedChangeSet(FeedId feed, List<Booking> inserts, List<Booking> updates, List<BookingChange> history) {
    public FeedChangeSet {
        Objects.requireNonNull(feed, "feed");
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
        history = List.copyOf(history);
        for (Booking booking : inserts) {
            requireSameFeed(feed, booking);
        }
        for (Booking booking : updates) {
            requireSameFeed(feed, booking);
        }
        for (BookingChange change : history) {
            if (!change.feed().equals(feed)) {
                throw new InvalidInputException(
                        "History of feed " + change.feed() + " is in the change set of feed " + feed);
            }
        }
    }

    private static void requireSameFeed(FeedId feed, Booking booking) {
        if (!booking.feed().equals(feed)) {
            throw new InvalidInputException("Booking " + booking.key() + " of feed " + booking.feed()
                    + " is in the change set of feed " + feed);
        }
    }

    /** Whether applying this change set would write nothing. */
    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && history.isEmpty();
    }
}
