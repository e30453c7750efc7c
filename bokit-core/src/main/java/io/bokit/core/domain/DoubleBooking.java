package io.bokit.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A double-booking record: an {@link Overlap} bokit found after a feed's apply, open until either side vanishes, is
 * cancelled or moves away (then closed, and kept as history).
 *
 * @param overlap the two bookings and the nights they share, not null
 * @param foundAt when bokit found it, not null
 * @param closedAt when it closed, not before {@code foundAt}; null while open
 */
public record DoubleBooking(Overlap overlap, Instant foundAt, Instant closedAt) {
    public DoubleBooking {
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(foundAt, "foundAt");
        if (closedAt != null && closedAt.isBefore(foundAt)) {
            throw new InvalidInputException(
                    "A double booking cannot close (" + closedAt + ") before it was found (" + foundAt + ")");
        }
    }

    /** An open record. */
    public static DoubleBooking opened(Overlap overlap, Instant foundAt) {
        return new DoubleBooking(overlap, foundAt, null);
    }

    /** Whether it is still open. */
    public boolean open() {
        return closedAt == null;
    }

    /** This record closed at a time. */
    public DoubleBooking closed(Instant at) {
        return new DoubleBooking(overlap, foundAt, Objects.requireNonNull(at, "at"));
    }

    /** Shorthand for {@code overlap().calendar()}. */
    public CalendarKey calendar() {
        return overlap.calendar();
    }
}
