package io.bokit.core.port.in;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.InvalidInputException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A request to add a local booking: a reservation the host made directly (on its own website, by phone), or an
 * owner block, stored by bokit and exported to every channel.
 *
 * @param calendar the calendar, which must exist, not null
 * @param checkIn the arrival day, in the calendar's zone, not null
 * @param checkOut the departure day (exclusive), after {@code checkIn}
 * @param guestName the guest's name, or null (blank counts as none); an owner block has none
 * @param block whether this is an owner block (status {@code blocked}) rather than a guest's stay (status
 *     {@code confirmed})
 * @param reference the host's own reference, which becomes the booking's uid; or null for a random one chosen by
 *     bokit. At most {@value #MAX_REFERENCE_LENGTH} characters, no control characters.
 * @param metadata other facts (phone, email, notes …), never exported; null for none
 */
public record AddLocalBookingCommand(
        CalendarKey calendar,
        LocalDate checkIn,
        LocalDate checkOut,
        String guestName,
        boolean block,
        String reference,
        Map<String, String> metadata) {
    /** The longest reference accepted. */
    public static final int MAX_REFERENCE_LENGTH = 200;
    /** The longest guest name accepted. */
    public static final int MAX_GUEST_NAME_LENGTH = 1000;

    public AddLocalBookingCommand {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
        requireStayOrder(checkIn, checkOut);
        guestName = guestName(guestName);
        if (block && guestName != null) {
            throw new InvalidInputException("An owner block has no guest name");
        }
        if (reference != null) {
            reference = reference(reference);
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A guest's stay with a reference chosen by bokit. */
    public static AddLocalBookingCommand stay(
            CalendarKey calendar, LocalDate checkIn, LocalDate checkOut, String guestName) {
        return new AddLocalBookingCommand(calendar, checkIn, checkOut, guestName, false, null, Map.of());
    }

    /** An owner block with a reference chosen by bokit. */
    public static AddLocalBookingCommand block(CalendarKey calendar, LocalDate checkIn, LocalDate checkOut) {
        return new AddLocalBookingCommand(calendar, checkIn, checkOut, null, true, null, Map.of());
    }

    /** This command with the host's own reference. */
    public AddLocalBookingCommand withReference(String value) {
        return new AddLocalBookingCommand(calendar, checkIn, checkOut, guestName, block, value, metadata);
    }

    /** This command with metadata. */
    public AddLocalBookingCommand withMetadata(Map<String, String> value) {
        return new AddLocalBookingCommand(calendar, checkIn, checkOut, guestName, block, reference, value);
    }

    static void requireStayOrder(LocalDate checkIn, LocalDate checkOut) {
        if (!checkOut.isAfter(checkIn)) {
            throw new InvalidInputException("Check-out " + checkOut + " must be after check-in " + checkIn
                    + " (check-out is the departure day)");
        }
    }

    static String guestName(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        if (name.length() > MAX_GUEST_NAME_LENGTH) {
            throw new InvalidInputException("A guest name of " + name.length() + " characters is too long: at most "
                    + MAX_GUEST_NAME_LENGTH + " are allowed");
        }
        return name;
    }

    static String reference(String value) {
        String reference = value.strip();
        if (reference.isEmpty()) {
            throw new InvalidInputException("A local booking's reference must not be blank");
        }
        if (reference.length() > MAX_REFERENCE_LENGTH || reference.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("Invalid reference \"" + excerpt(reference) + "\": expected at most "
                    + MAX_REFERENCE_LENGTH + " characters without control characters");
        }
        return reference;
    }

    private static String excerpt(String value) {
        String shown = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() <= 100 ? shown : shown.substring(0, 100) + "… (" + value.length() + " characters)";
    }
}
