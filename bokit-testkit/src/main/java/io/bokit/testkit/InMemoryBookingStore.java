package io.bokit.testkit;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.FeedChangeSet;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.StorageException;
import io.bokit.core.port.out.BookingStorePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link BookingStorePort} in memory; instances over one {@link Store} share their bookings. Each
 * call holds the store's lock, so change sets are applied one at a time.
 */
public final class InMemoryBookingStore implements BookingStorePort {
    private static final Comparator<Booking> FIND_ORDER = Comparator.comparing(
                    (Booking booking) -> booking.current().checkIn())
            .thenComparing(booking -> booking.calendar().value())
            .thenComparing(booking -> booking.feed().value())
            .thenComparing(booking -> booking.key().toString());

    private final Store store;

    /** An instance over a store of its own. */
    public InMemoryBookingStore() {
        this(new Store());
    }

    /**
     * An instance over a store that other instances may share.
     *
     * @param store the backing store, not null
     */
    public InMemoryBookingStore(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<Booking> loadFeedBookings(FeedId feed) {
        Objects.requireNonNull(feed, "feed");
        synchronized (store) {
            return List.copyOf(store.bookings.getOrDefault(feed, Map.of()).values());
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Also refuses, with a {@link StorageException}, a change set that names one key twice.
     */
    @Override
    public void apply(FeedChangeSet changes) {
        synchronized (store) {
            Map<BookingKey, Booking> stored = store.bookings.getOrDefault(changes.feed(), Map.of());
            Set<BookingKey> named = new HashSet<>();
            for (Booking booking : changes.inserts()) {
                requireOnce(named, booking);
                if (stored.containsKey(booking.key())) {
                    throw new StorageException(
                            "Cannot insert booking " + booking.key() + " of feed " + booking.feed() + ": it is stored");
                }
            }
            for (Booking booking : changes.updates()) {
                requireOnce(named, booking);
                if (!stored.containsKey(booking.key())) {
                    throw new StorageException("Cannot update booking " + booking.key() + " of feed " + booking.feed()
                            + ": it is not stored");
                }
            }
            if (changes.isEmpty()) {
                return;
            }
            Map<BookingKey, Booking> target = store.bookings.computeIfAbsent(changes.feed(), feed -> new HashMap<>());
            changes.inserts().forEach(booking -> target.put(booking.key(), booking));
            changes.updates().forEach(booking -> target.put(booking.key(), booking));
            store.history.addAll(changes.history());
        }
    }

    @Override
    public List<Booking> find(BookingQuery query) {
        Objects.requireNonNull(query, "query");
        synchronized (store) {
            return store.bookings.values().stream()
                    .flatMap(feed -> feed.values().stream())
                    .filter(query::matches)
                    .sorted(FIND_ORDER)
                    .toList();
        }
    }

    @Override
    public List<BookingChange> history(HistoryQuery query) {
        Objects.requireNonNull(query, "query");
        List<BookingChange> matching = new ArrayList<>();
        synchronized (store) {
            for (int i = store.history.size() - 1; i >= 0 && matching.size() < query.limit(); i--) {
                BookingChange change = store.history.get(i);
                if (query.matches(change)) {
                    matching.add(change);
                }
            }
        }
        return List.copyOf(matching);
    }

    private static void requireOnce(Set<BookingKey> named, Booking booking) {
        if (!named.add(booking.key())) {
            throw new StorageException(
                    "Booking " + booking.key() + " of feed " + booking.feed() + " is twice in one change set");
        }
    }

    /** The bookings and change history that several {@link InMemoryBookingStore} may share. */
    public static final class Store {
        private final Map<FeedId, Map<BookingKey, Booking>> bookings = new HashMap<>();
        private final List<BookingChange> history = new ArrayList<>();

        /** An empty store. */
        public Store() {}
    }
}
