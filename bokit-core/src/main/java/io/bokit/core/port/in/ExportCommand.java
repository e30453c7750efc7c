package io.bokit.core.port.in;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import java.time.Period;
import java.util.Objects;

/**
 * What to export: one calendar, for one target feed or for none, and the export's options.
 *
 * @param calendar the calendar, not null
 * @param target the feed (channel) the export is for, whose own bookings and echoes are left out; or
 *     null for an export to no particular channel
 * @param pastWindow how far back stays are kept: a stay is exported when its check-out is on or after
 *     today minus this period (today in the calendar's zone); not negative
 * @param guestNames whether the host opted in to show guest names: then an event's summary is the guest's
 *     name (or {@code Reserved}); otherwise every event says {@code Not available}. Phones, e-mails and
 *     reservation URLs are never exported.
 */
public record ExportCommand(CalendarKey calendar, FeedId target, Period pastWindow, boolean guestNames) {
    /** The default past window: stays that ended in the last 30 days are still exported. */
    public static final Period DEFAULT_PAST_WINDOW = Period.ofDays(30);

    public ExportCommand {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(pastWindow, "pastWindow");
        if (pastWindow.isNegative()) {
            throw new InvalidInputException("Invalid past window " + pastWindow + ": it must not be negative");
        }
    }

    /** The private export of a calendar to no particular channel, with the default past window. */
    public static ExportCommand of(CalendarKey calendar) {
        return new ExportCommand(calendar, null, DEFAULT_PAST_WINDOW, false);
    }

    /** The private export of a calendar to one channel's feed, with the default past window. */
    public static ExportCommand forFeed(CalendarKey calendar, FeedId target) {
        return new ExportCommand(calendar, Objects.requireNonNull(target, "target"), DEFAULT_PAST_WINDOW, false);
    }

    /** The command that serves an export: its calendar, target and guest-name choice, the default past window. */
    public static ExportCommand of(ExportLink link) {
        return new ExportCommand(link.calendar(), link.target(), DEFAULT_PAST_WINDOW, link.guestNames());
    }

    /** This command with another past window. */
    public ExportCommand withPastWindow(Period value) {
        return new ExportCommand(calendar, target, value, guestNames);
    }

    /** This command with guest names shown or hidden. */
    public ExportCommand withGuestNames(boolean value) {
        return new ExportCommand(calendar, target, pastWindow, value);
    }
}
