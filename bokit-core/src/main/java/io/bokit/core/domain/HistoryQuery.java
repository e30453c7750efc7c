package io.bokit.core.domain;

/**
 * Which change-history entries to list, newest first.
 *
 * @param calendar only this calendar's, or null for all
 * @param feed only this feed's, or null for all
 * @param limit at most this many entries, from 1 to 10000
 */
public record HistoryQuery(CalendarKey calendar, FeedId feed, int limit) {
    /** The largest {@link #limit()} accepted. */
    public static final int MAX_LIMIT = 10_000;

    public HistoryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("Invalid history limit " + limit + ": expected 1 to " + MAX_LIMIT);
        }
    }

    /** The latest {@code limit} entries of every calendar. */
    public static HistoryQuery latest(int limit) {
        return new HistoryQuery(null, null, limit);
    }

    /** Whether an entry passes this query (the limit aside). */
    public boolean matches(BookingChange change) {
        return (calendar == null || calendar.equals(change.calendar())) && (feed == null || feed.equals(change.feed()));
    }
}
