package io.bokit.core.port.out;

import io.bokit.core.domain.InvalidInputException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One reservation a host keeps in its own tables, as {@link HostReservationsPort} hands it to bokit.
 *
 * @param reference the host's own id of the reservation, stable and unique within the calendar, not blank;
 *     never exported as such (the export's UID is derived from it)
 * @param checkIn the arrival day, in the calendar's zone
 * @param checkOut the departure day (exclusive), after check-in
 * @param guestName the guest's name, or null; exported only by an export that opts in to guest names
 * @param block whether this is an owner block (dates closed, no guest) rather than a guest's stay
 */
public record HostReservation(
        String reference, LocalDate checkIn, LocalDate checkOut, String guestName, boolean block) {
    public HostReservation {
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("A host reservation needs a reference that is not blank");
        }
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
        if (!checkOut.isAfter(checkIn)) {
            throw new InvalidInputException(
                    "Host reservation " + reference + ": check-out " + checkOut + " is not after check-in " + checkIn);
        }
        if (guestName != null && guestName.isBlank()) {
            guestName = null;
        }
    }

    /** A guest's stay. */
    public static HostReservation stay(String reference, LocalDate checkIn, LocalDate checkOut, String guestName) {
        return new HostReservation(reference, checkIn, checkOut, guestName, false);
    }

    /** An owner block. */
    public static HostReservation block(String reference, LocalDate checkIn, LocalDate checkOut) {
        return new HostReservation(reference, checkIn, checkOut, null, true);
    }
}
