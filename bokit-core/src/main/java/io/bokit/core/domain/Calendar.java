package io.bokit.core.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One bookable thing (an apartment, a room): the unit that feeds fill with bookings.
 *
 * @param key the stable key
 * @param name the display name, not blank
 * @param zone the time zone in which check-in and check-out dates are read
 */
public record Calendar(CalendarKey key, String name, ZoneId zone) {
    /** The longest name kept, in UTF-16 characters (what every store's column holds). */
    public static final int MAX_NAME_LENGTH = 1000;

    public Calendar {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(zone, "zone");
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("Calendar " + key + " needs a name that is not blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("Calendar " + key + " has a name of " + name.length()
                    + " characters: at most " + MAX_NAME_LENGTH + " are allowed");
        }
    }
}
