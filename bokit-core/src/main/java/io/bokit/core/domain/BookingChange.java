package io.bokit.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the change history.
 *
 * @param at when the change was applied
 * @param calendar the booking's calendar
 * @param feed the feed that caused it
 * @param key the booking
 * @param kind what happened
 * @param field the field concerned (e.g. {@code checkOut}), or null for a whole-booking change
 * @param oldValue the value before, or null
 * @param newValue the value after (for a conflict: the feed's value that was not applied), or null
 */
public record BookingChange(
        Instant at,
        CalendarKey calendar,
        FeedId feed,
        BookingKey key,
        ChangeKind kind,
        String field,
        String oldValue,
        String newValue) {
    public BookingChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }
}
