package io.bokit.core.port.in;

/** Builds the iCal body of one calendar's export, for one target feed or for none. */
public interface ExportUseCase {

    /**
     * The export's iCalendar body: RFC 5545, one all-day event per active booking and block of the
     * calendar (imported, local, and the host's own reservations when a
     * {@link io.bokit.core.port.out.HostReservationsPort} is given), without the target feed's own bookings and without echoes (see
     * {@link io.bokit.core.domain.EchoRule}). The same bookings give the same body, byte for byte.
     * Thread-safe.
     *
     * @param command what to export, not null
     * @return the body and how many events it holds, never null
     * @throws io.bokit.core.domain.InvalidInputException if the calendar is unknown, or the target feed
     *     is unknown or belongs to another calendar
     * @throws io.bokit.core.domain.StorageException if the stores cannot be read
     */
    ExportResult export(ExportCommand command);
}
