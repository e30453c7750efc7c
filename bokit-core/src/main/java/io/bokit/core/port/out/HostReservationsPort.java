package io.bokit.core.port.out;

import io.bokit.core.domain.CalendarKey;
import java.time.LocalDate;
import java.util.List;

/**
 * The reservations a host keeps in its own tables (its website's bookings), read by the export so every
 * channel is sent them too. Optional: give one to {@code Bokit.builder().hostReservations(port)}; bokit never
 * writes through it. Implementations are thread-safe and fast (they are read on every export body built).
 */
public interface HostReservationsPort {

    /**
     * The active reservations and owner blocks of one calendar that overlap a range of days: those whose
     * check-out is on or after {@code from} and, when {@code to} is given, whose check-in is before {@code to}.
     * Cancelled reservations are left out.
     *
     * @param calendar the calendar, not null
     * @param from the first day of the range, not null
     * @param to the day after the range (exclusive), or null for no end
     * @return the reservations in any order, each reference at most once; never null
     * @throws RuntimeException if they cannot be read; the export then fails with a
     *     {@link io.bokit.core.domain.StorageException} that has it as its cause
     */
    List<HostReservation> reservations(CalendarKey calendar, LocalDate from, LocalDate to);

    /** No host reservations: the default when the host gives no port. */
    static HostReservationsPort none() {
        return (calendar, from, to) -> List.of();
    }
}
