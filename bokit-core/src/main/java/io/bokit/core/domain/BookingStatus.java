package io.bokit.core.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The status of a booking, as the channels and the original Bokit name them. */
public enum BookingStatus {
    CONFIRMED(true),
    UNAVAILABLE(true),
    BLOCKED(true),
    UNDEFINED(true),
    INQUIRY(true),
    CANCELLED(false),
    CANCELLED_BY_OWNER(false),
    CANCELLED_BY_GUEST(false),
    VANISHED(false),
    DELETED(false);

    private final boolean blocksDates;

    BookingStatus(boolean blocksDates) {
        this.blocksDates = blocksDates;
    }

    /** Whether a booking in this status keeps its dates unavailable. */
    public boolean blocksDates() {
        return blocksDates;
    }

    /** Whether this status marks a block (the owner closed the dates) rather than a guest's stay. */
    public boolean isBlock() {
        return this == UNAVAILABLE || this == BLOCKED;
    }

    /** The lower-case name used in stores and output, e.g. {@code cancelled_by_guest}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status named by a code, case-insensitive.
     *
     * @throws InvalidInputException for an unknown code, listing the known ones
     */
    public static BookingStatus fromCode(String code) {
        for (BookingStatus status : values()) {
            if (status.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return status;
            }
        }
        throw new InvalidInputException("Unknown booking status \"" + Ids.excerpt(code) + "\": expected one of "
                + Arrays.stream(values()).map(BookingStatus::code).collect(Collectors.joining(", ")));
    }
}
