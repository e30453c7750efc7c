package io.bokit.core.port.out;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import java.util.List;

/**
 * The imported bookings and their change history, and the host's local bookings under the reserved source
 * {@link FeedId#local()} (stored like a feed's, so an implementation must accept that id too). A booking is
 * identified by its feed and its {@link io.bokit.core.domain.BookingKey}. Implementations are thread-safe; one feed's change set is
 * applied atomically, while different feeds may be applied concurrently. Text is ordered by code
 * point (not by a database collation).
 */
public interface BookingStorePort {

    /**
     * Every booking of one feed, soft-deleted ones included.
     *
     * @param feed the feed, not null
     * @return its bookings in no particular order, never null
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<Booking> loadFeedBookings(FeedId feed);

    /**
     * Applies one feed's change set all at once: inserts, updates and history entries are all
     * stored, or (on any failure) none of them is.
     *
     * @param changes the change set, not null; an empty one writes nothing
     * @throws io.bokit.core.domain.StorageException if the store fails, if an insert's key already
     *     exists, if an update's key does not, or if a key appears twice in the change set; the store
     *     is then exactly as before the call
     */
    void apply(FeedChangeSet changes);

    /**
     * The bookings a query selects.
     *
     * @param query the query, not null
     * @return the bookings sorted by check-in, then calendar key, feed id, uid and recurrence id
     *     (none first); never null
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<Booking> find(BookingQuery query);

    /**
     * Change-history entries, newest first: in the reverse of the order the store applied them
     * (within a change set, its history list's order). That is the order of their times too,
     * unless the clocks of several nodes disagree: then the order applied wins.
     *
     * @param query the query, not null
     * @return at most {@code query.limit()} entries, never null
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<BookingChange> history(HistoryQuery query);
}
