package io.bokit.core.application;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.port.in.BookingsUseCase;
import io.bokit.core.port.out.BookingStorePort;
import java.util.List;
import java.util.Objects;

/** Reads bookings and history from {@link BookingStorePort}. */
final class BookingsService implements BookingsUseCase {
    private final BookingStorePort store;

    /** Creates the service over a booking store. */
    BookingsService(BookingStorePort store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<Booking> find(BookingQuery query) {
        return store.find(Objects.requireNonNull(query, "query"));
    }

    @Override
    public List<BookingChange> history(HistoryQuery query) {
        return store.history(Objects.requireNonNull(query, "query"));
    }
}
