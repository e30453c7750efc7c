package io.bokit.jdbc;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.HistoryQuery;
import java.util.List;
import java.util.Set;

/**
 * What a sync leaves in a store, comparable across databases and runs: every booking (soft-deleted ones too), the
 * change history without its times (which differ from run to run), and each feed's last body hash and error.
 *
 * @param bookings every booking
 * @param history one line per history entry: feed, key, kind, field, old and new value; sorted
 * @param feeds one line per feed: id, body hash, last error
 */
record StoreSnapshot(Set<Booking> bookings, List<String> history, List<String> feeds) {

    /** Reads the snapshot of the stores' tables. */
    static StoreSnapshot of(BokitJdbc stores) {
        List<String> history = stores.bookingStore().history(HistoryQuery.latest(HistoryQuery.MAX_LIMIT)).stream()
                .map(change -> String.join(
                        " ",
                        change.feed().value(),
                        change.key().toString(),
                        change.kind().name(),
                        String.valueOf(change.field()),
                        String.valueOf(change.oldValue()),
                        String.valueOf(change.newValue())))
                .sorted()
                .toList();
        List<String> feeds = stores.feedCatalog().feeds().stream()
                .map(feed -> feed.id() + " " + feed.fetchState().bodyHash() + " "
                        + feed.fetchState().lastError())
                .toList();
        return new StoreSnapshot(
                Set.copyOf(stores.bookingStore().find(new BookingQuery(null, null, null, Set.of(), true))),
                history,
                feeds);
    }
}
