package io.bokit.core.port.in;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.InvalidInputException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A request to add a calendar.
 *
 * @param key its key
 * @param name its display name, not blank
 * @param zone its time zone, or null for the {@code timezone} option
 */
public record AddCalendarCommand(CalendarKey key, String name, ZoneId zone) {
    public AddCalendarCommand {
        Objects.requireNonNull(key, "key");
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("Calendar " + key + " needs a name that is not blank");
        }
    }
}
