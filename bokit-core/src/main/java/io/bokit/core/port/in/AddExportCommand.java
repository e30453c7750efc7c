package io.bokit.core.port.in;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import java.util.Objects;

/**
 * An export to add.
 *
 * @param calendar the calendar to export, not null
 * @param target the feed (channel) the export is for, or null for none
 * @param guestNames whether the export shows guest names (the host's opt-in); {@code Not available} otherwise
 */
public record AddExportCommand(CalendarKey calendar, FeedId target, boolean guestNames) {
    public AddExportCommand {
        Objects.requireNonNull(calendar, "calendar");
    }
}
