package io.bokit.core.ical;

import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingKey;
import java.util.Objects;

/**
 * One booking read from a feed: a single event, or one occurrence of a recurring event. Immutable and thread-safe.
 *
 * @param key the event's key within its feed (UID, plus the occurrence's original start for a recurring event)
 * @param data what the feed says about the booking
 */
public record ParsedEvent(BookingKey key, BookingData data) {
    public ParsedEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
    }
}
