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
    public Calendar {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(zone, "zone");
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("Calendar " + key + " needs a name that is not blank");
        }
    }
}
