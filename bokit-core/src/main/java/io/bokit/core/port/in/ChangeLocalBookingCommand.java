package io.bokit.core.port.in;

import io.bokit.core.domain.InvalidInputException;
import java.time.LocalDate;

/**
 * A request to change a local booking's dates or guest name. A null value keeps what the booking has.
 *
 * @param reference the local booking's reference (its uid), not blank
 * @param checkIn the new arrival day, or null to keep it
 * @param checkOut the new departure day (exclusive), or null to keep it; when both are given, after
 *     {@code checkIn} (the service checks the resulting stay too)
 * @param guestName the new guest name, or null to keep it
 * @param removeGuestName whether to remove the guest name (then {@code guestName} must be null)
 */
public record ChangeLocalBookingCommand(
        String reference, LocalDate checkIn, LocalDate checkOut, String guestName, boolean removeGuestName) {
    public ChangeLocalBookingCommand {
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("A local booking's reference must not be blank");
        }
        reference = reference.strip();
        guestName = AddLocalBookingCommand.guestName(guestName);
        if (removeGuestName && guestName != null) {
            throw new InvalidInputException("Either set a guest name or remove it, not both");
        }
        if (checkIn == null && checkOut == null && guestName == null && !removeGuestName) {
            throw new InvalidInputException("Nothing to change for local booking " + reference
                    + ": give a check-in, a check-out or a guest name");
        }
        if (checkIn != null && checkOut != null) {
            AddLocalBookingCommand.requireStayOrder(checkIn, checkOut);
        }
    }

    /** New dates for a local booking. */
    public static ChangeLocalBookingCommand dates(String reference, LocalDate checkIn, LocalDate checkOut) {
        return new ChangeLocalBookingCommand(reference, checkIn, checkOut, null, false);
    }

    /** A new guest name for a local booking. */
    public static ChangeLocalBookingCommand guest(String reference, String guestName) {
        return new ChangeLocalBookingCommand(reference, null, null, guestName, false);
    }
}
