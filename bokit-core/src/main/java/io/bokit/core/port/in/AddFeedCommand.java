package io.bokit.core.port.in;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedUrl;
import java.util.Objects;

/**
 * A request to attach a feed to a calendar.
 *
 * @param calendar an existing calendar
 * @param id the feed's id, or null to derive one from the calendar and the URL's host
 * @param url the feed's address
 * @param name the display name, or null for the URL's host
 */
public record AddFeedCommand(CalendarKey calendar, FeedId id, FeedUrl url, String name) {
    public AddFeedCommand {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(url, "url");
    }
}
