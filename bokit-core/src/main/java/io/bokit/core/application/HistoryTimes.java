package io.bokit.core.application;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ChangeKind;
import io.bokit.core.domain.EchoRule;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.port.out.BookingStorePort;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When bookings were first imported and last changed, read from the change history on demand (only where
 * {@link EchoRule} needs them), at most one history read per feed and instance (one export, or one look for double bookings). A
 * booking whose entries are older than the history read holds is unknown (long ago).
 */
final class HistoryTimes implements EchoRule.Times {
    private final BookingStorePort store;
    private final CalendarKey calendar;
    private final Map<FeedId, Map<BookingKey, Instant[]>> byFeed = new HashMap<>();

    HistoryTimes(BookingStorePort store, CalendarKey calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    @Override
    public Instant firstSeen(Booking booking) {
        Instant[] times = times(booking);
        return times == null ? null : times[0];
    }

    @Override
    public Instant lastChanged(Booking booking) {
        Instant[] times = times(booking);
        return times == null ? null : times[1];
    }

    private Instant[] times(Booking booking) {
        return byFeed.computeIfAbsent(booking.feed(), this::load).get(booking.key());
    }

    /** Per key: {created (or null), latest change}. */
    private Map<BookingKey, Instant[]> load(FeedId feed) {
        Map<BookingKey, Instant[]> times = new HashMap<>();
        if (feed.equals(FeedId.host())) {
            return times; // the host's own tables have no history in bokit: long ago
        }
        // newest first: the first entry of a key is its latest change, the last CREATED its first import
        for (BookingChange change : store.history(new HistoryQuery(calendar, feed, HistoryQuery.MAX_LIMIT))) {
            Instant[] entry = times.computeIfAbsent(change.key(), k -> new Instant[] {null, change.at()});
            if (change.kind() == ChangeKind.CREATED) {
                entry[0] = change.at();
            }
        }
        return times;
    }
}
