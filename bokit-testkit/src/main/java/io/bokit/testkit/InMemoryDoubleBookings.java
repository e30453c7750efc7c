package io.bokit.testkit;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Overlap;
import io.bokit.core.port.out.DoubleBookingsPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A {@link DoubleBookingsPort} in memory; instances over one {@link Store} share their records. Each call holds the
 * store's lock.
 */
public final class InMemoryDoubleBookings implements DoubleBookingsPort {
    private static final Comparator<DoubleBooking> OPEN_ORDER = Comparator.comparing(
                    (DoubleBooking record) -> record.calendar().value())
            .thenComparing(record -> record.overlap().from())
            .thenComparing(record -> record.overlap().first())
            .thenComparing(record -> record.overlap().second());

    private final Store store;

    /** An instance over a store of its own. */
    public InMemoryDoubleBookings() {
        this(new Store());
    }

    /**
     * An instance over a store that other instances may share.
     *
     * @param store the backing store, not null
     */
    public InMemoryDoubleBookings(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean open(Overlap overlap, Instant foundAt) {
        DoubleBooking record = DoubleBooking.opened(overlap, foundAt);
        synchronized (store) {
            if (indexOfOpen(overlap) >= 0) {
                return false;
            }
            store.records.add(record);
            return true;
        }
    }

    @Override
    public boolean close(Overlap overlap, Instant closedAt) {
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(closedAt, "closedAt");
        synchronized (store) {
            int at = indexOfOpen(overlap);
            if (at < 0) {
                return false;
            }
            store.records.set(at, store.records.get(at).closed(closedAt));
            return true;
        }
    }

    @Override
    public List<DoubleBooking> listOpen(CalendarKey calendar) {
        synchronized (store) {
            return store.records.stream()
                    .filter(DoubleBooking::open)
                    .filter(record -> calendar == null || record.calendar().equals(calendar))
                    .sorted(OPEN_ORDER)
                    .toList();
        }
    }

    @Override
    public List<DoubleBooking> recent(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("The limit must be 1 or more, was " + limit);
        }
        synchronized (store) {
            List<DoubleBooking> newestFirst = new ArrayList<>(store.records);
            Collections.reverse(newestFirst);
            return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        }
    }

    private int indexOfOpen(Overlap overlap) {
        for (int i = 0; i < store.records.size(); i++) {
            DoubleBooking record = store.records.get(i);
            if (record.open() && record.overlap().equals(overlap)) {
                return i;
            }
        }
        return -1;
    }

    /** The records of one or more {@link InMemoryDoubleBookings}, in the order they were opened. */
    public static final class Store {
        private final List<DoubleBooking> records = new ArrayList<>();

        /** An empty store. */
        public Store() {}
    }
}
