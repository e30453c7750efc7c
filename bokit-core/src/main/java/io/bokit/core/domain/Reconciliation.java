package io.bokit.core.domain;

import java.util.List;

/**
 * What reconciling one feed's events with its stored bookings decided.
 *
 * @param changes what to store, atomically
 * @param counters the feed's counters
 * @param created bookings new to the store
 * @param updated stored bookings whose values changed (restored ones included), before and after
 * @param vanished future bookings that left the feed, now {@code vanished}
 * @param deleted future blocks that left the feed, now soft-deleted
 * @param emptyFeedRuns runs in a row this feed has parsed to zero events while bookings were
 *     expected (0 when it has events)
 * @param heldAsSuspicious whether the feed came back empty and nothing was vanished, awaiting confirmation
 */
public record Reconciliation(
        FeedChangeSet changes,
        SyncCounters counters,
        List<Booking> created,
        List<Update> updated,
        List<Booking> vanished,
        List<Booking> deleted,
        int emptyFeedRuns,
        boolean heldAsSuspicious) {

    public Reconciliation {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        vanished = List.copyOf(vanished);
        deleted = List.copyOf(deleted);
    }

    /**
     * A stored booking before and after it took the feed's values.
     *
     * @param before as stored
     * @param after as it will be stored
     */
    public record Update(Booking before, Booking after) {}
}
