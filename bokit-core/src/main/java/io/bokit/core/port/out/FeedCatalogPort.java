package io.bokit.core.port.out;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FetchState;
import java.util.List;
import java.util.Optional;

/**
 * The calendars and the feeds attached to them, with each feed's fetch state. Implementations are
 * thread-safe. Referential rules (a feed's calendar exists, a calendar with feeds is not removed)
 * are the core's to check, not the store's.
 */
public interface FeedCatalogPort {

    /**
     * Every calendar.
     *
     * @return the calendars sorted by key, never null
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<Calendar> calendars();

    /**
     * One calendar.
     *
     * @param key the key, not null
     * @return the calendar, or empty if there is none with that key
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    Optional<Calendar> findCalendar(CalendarKey key);

    /**
     * Adds a calendar or replaces the one with the same key.
     *
     * @param calendar the calendar, not null
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    void saveCalendar(Calendar calendar);

    /**
     * Removes a calendar.
     *
     * @param key the key, not null
     * @return whether there was such a calendar
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    boolean removeCalendar(CalendarKey key);

    /**
     * Every feed, enabled or not.
     *
     * @return the feeds sorted by id, never null
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<Feed> feeds();

    /**
     * One feed.
     *
     * @param id the id, not null
     * @return the feed, or empty if there is none with that id
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    Optional<Feed> findFeed(FeedId id);

    /**
     * Adds a feed or replaces the one with the same id (fetch state included).
     *
     * @param feed the feed, not null
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    void saveFeed(Feed feed);

    /**
     * Removes a feed. Its bookings stay in the booking store.
     *
     * @param id the id, not null
     * @return whether there was such a feed
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    boolean removeFeed(FeedId id);

    /**
     * Enables or disables a feed, leaving its other fields (the fetch state a run may be writing, the
     * URL) as they are. The default reads the feed and saves it whole; stores should override it with a
     * change of that one field (a JDBC store then never sends the URL, a secret, to the driver again).
     *
     * @param id the id, not null
     * @param enabled whether the feed is synced
     * @return whether there was such a feed
     * @throws io.bokit.core.domain.StorageException if the store cannot be read or written
     */
    default boolean setEnabled(FeedId id, boolean enabled) {
        Optional<Feed> feed = findFeed(id);
        feed.ifPresent(found -> saveFeed(found.withEnabled(enabled)));
        return feed.isPresent();
    }

    /**
     * Replaces a feed's fetch state only, leaving its other fields as they are (an operator may
     * disable a feed while a run is fetching it).
     *
     * @param id the id, not null
     * @param state the new state, not null
     * @return whether there was such a feed
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    boolean updateFetchState(FeedId id, FetchState state);
}
