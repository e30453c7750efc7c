package io.bokit.core.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Two bookings of one calendar, from different sources, that hold the same nights: what {@link Overlaps} finds.
 * The pair is kept in order ({@code first} before {@code second}), so one overlap has one value.
 *
 * @param calendar the calendar, not null
 * @param first the booking that sorts first ({@link BookingRef#compareTo}), not null
 * @param second the other booking, of another source, not null
 * @param from the first night both hold
 * @param to the day after the last night both hold (exclusive, like a check-out), after {@code from}
 */
public record Overlap(CalendarKey calendar, BookingRef first, BookingRef second, LocalDate from, LocalDate to) {
    public Overlap {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (first.feed().equals(second.feed())) {
            throw new InvalidInputException("An overlap is of two sources, but both bookings are of " + first.feed()
                    + ": " + first + ", " + second);
        }
        if (first.compareTo(second) > 0) {
            throw new InvalidInputException("An overlap's first booking " + first + " must sort before " + second);
        }
        if (!to.isAfter(from)) {
            throw new InvalidInputException(
                    "An overlap's nights end (" + to + ") on or before they start (" + from + ")");
        }
    }

    /** How many nights both bookings hold. */
    public long nights() {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** Whether a booking is one of the two. */
    public boolean involves(BookingRef booking) {
        return first.equals(booking) || second.equals(booking);
    }

    /** The nights as {@code from..to} (to exclusive), e.g. {@code 2026-07-03..2026-07-05}. */
    public String dates() {
        return from + ".." + to;
    }
}
