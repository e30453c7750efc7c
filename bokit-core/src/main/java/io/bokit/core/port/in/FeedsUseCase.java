package io.bokit.core.port.in;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import java.util.List;

/**
 * Manages calendars and their feeds. Every method throws
 * {@link io.bokit.core.domain.StorageException} if the store fails and
 * {@link io.bokit.core.domain.InvalidInputException} for an unknown or duplicate key.
 */
public interface FeedsUseCase {

    /** Adds a calendar; refuses a key already in use. */
    Calendar addCalendar(AddCalendarCommand command);

    /**
     * Adds a calendar unless one with its key exists, also when another node adds it at the same
     * moment (startup registration from configuration); an existing calendar is never changed.
     *
     * @return the stored calendar
     */
    Calendar ensureCalendar(AddCalendarCommand command);

    /** Every calendar, sorted by key. */
    List<Calendar> calendars();

    /** Removes a calendar; refuses while feeds are attached to it. */
    void removeCalendar(CalendarKey key);

    /** Attaches a new, enabled feed to an existing calendar; refuses an id already in use. */
    Feed addFeed(AddFeedCommand command);

    /**
     * Attaches a feed unless it exists — the feed with the command's id, or without an id the feed of
     * that calendar with that URL — also when another node adds it at the same moment; an existing
     * feed is never changed.
     *
     * @return the stored feed (compare its URL with the command's to notice a changed configuration)
     */
    Feed ensureFeed(AddFeedCommand command);

    /** Every feed, sorted by id. */
    List<Feed> feeds();

    /** One feed; refuses an unknown id. */
    Feed feed(FeedId id);

    /** Removes a feed; its bookings are kept. Refuses an unknown id. */
    void removeFeed(FeedId id);

    /** Enables or disables a feed and returns it; refuses an unknown id. */
    Feed setEnabled(FeedId id, boolean enabled);
}
