package io.bokit.core.port.in;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import java.util.Set;

/**
 * Which enabled feeds a run syncs: all of them, or those with the given ids or of the given
 * calendars (a feed in either set is synced).
 *
 * @param feeds feed ids, empty for no filter by feed
 * @param calendars calendar keys, empty for no filter by calendar
 */
public record SyncScope(Set<FeedId> feeds, Set<CalendarKey> calendars) {
    private static final SyncScope ALL = new SyncScope(Set.of(), Set.of());

    public SyncScope {
        feeds = Set.copyOf(feeds);
        calendars = Set.copyOf(calendars);
    }

    /** Every enabled feed. */
    public static SyncScope all() {
        return ALL;
    }

    /** The given feeds. */
    public static SyncScope feeds(Set<FeedId> ids) {
        return new SyncScope(ids, Set.of());
    }

    /** The feeds of the given calendars. */
    public static SyncScope calendars(Set<CalendarKey> keys) {
        return new SyncScope(Set.of(), keys);
    }

    /** Whether this scope is every enabled feed. */
    public boolean isAll() {
        return feeds.isEmpty() && calendars.isEmpty();
    }

    /** Whether a feed is in scope (its enabled flag aside). */
    public boolean includes(Feed feed) {
        return isAll() || feeds.contains(feed.id()) || calendars.contains(feed.calendar());
    }
}
