package io.bokit.core.domain;

import java.util.Objects;

/**
 * One channel export attached to one calendar.
 *
 * @param id the feed's id
 * @param calendar the calendar its bookings belong to
 * @param name the display name used in logs and reports; by default the URL's host
 * @param url the address, secret
 * @param enabled whether a run fetches it
 * @param fetchState what the last fetches left behind
 */
public record Feed(CalendarKey calendar, FeedId id, String name, FeedUrl url, boolean enabled, FetchState fetchState) {
    public Feed {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fetchState, "fetchState");
        if (id.isReserved()) {
            throw new InvalidInputException("Invalid feed id \"" + id
                    + "\": it is reserved for the host's own bookings; a feed id starts with a letter or digit");
        }
        if (name == null || name.isBlank()) {
            name = url.host();
        }
        if (name.length() > Calendar.MAX_NAME_LENGTH) {
            throw new InvalidInputException("Feed " + id + " has a name of " + name.length() + " characters: at most "
                    + Calendar.MAX_NAME_LENGTH + " are allowed");
        }
    }

    /** A new, enabled, never fetched feed named after its URL's host. */
    public static Feed of(CalendarKey calendar, FeedId id, FeedUrl url) {
        return new Feed(calendar, id, null, url, true, FetchState.NEVER);
    }

    /** This feed, enabled or disabled. */
    public Feed withEnabled(boolean value) {
        return new Feed(calendar, id, name, url, value, fetchState);
    }

    /** This feed with another fetch state. */
    public Feed withFetchState(FetchState value) {
        return new Feed(calendar, id, name, url, enabled, value);
    }
}
