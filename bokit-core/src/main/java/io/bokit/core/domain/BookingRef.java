package io.bokit.core.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * Names one stored booking: its source (a feed, or {@link FeedId#local()}) and its key in that source.
 *
 * @param feed the source, not null
 * @param key the booking's key, not null
 */
public record BookingRef(FeedId feed, BookingKey key) implements Comparable<BookingRef> {
    private static final Comparator<BookingRef> ORDER = Comparator.comparing(
                    (BookingRef ref) -> ref.feed().value())
            .thenComparing(ref -> ref.key().uid())
            .thenComparing(ref -> ref.key().recurrenceId(), Comparator.nullsFirst(Comparator.naturalOrder()));

    public BookingRef {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(key, "key");
    }

    /** The reference of a booking. */
    public static BookingRef of(Booking booking) {
        return new BookingRef(booking.feed(), booking.key());
    }

    /** Ordered by feed id, then uid, then recurrence id (none first). */
    @Override
    public int compareTo(BookingRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return feed + "/" + key;
    }
}
