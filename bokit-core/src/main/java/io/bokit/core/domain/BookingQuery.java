package io.bokit.core.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which bookings to list. Null components do not filter.
 *
 * @param calendar only this calendar's bookings, or null for all
 * @param from only bookings whose check-out is after this day, or null
 * @param to only bookings whose check-in is before this day, or null
 * @param statuses only these statuses; empty for all
 * @param includeDeleted whether soft-deleted bookings are listed
 */
public record BookingQuery(
        CalendarKey calendar, LocalDate from, LocalDate to, Set<BookingStatus> statuses, boolean includeDeleted) {
    public BookingQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("The range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Every booking that is not soft-deleted. */
    public static BookingQuery all() {
        return new BookingQuery(null, null, null, Set.of(), false);
    }

    /** Whether a booking passes this query. */
    public boolean matches(Booking booking) {
        BookingData data = booking.current();
        return (calendar == null || calendar.equals(booking.calendar()))
                && (from == null || data.checkOut().isAfter(from))
                && (to == null || data.checkIn().isBefore(to))
                && (statuses.isEmpty() || statuses.contains(data.status()))
                && (includeDeleted || !booking.deleted());
    }
}
