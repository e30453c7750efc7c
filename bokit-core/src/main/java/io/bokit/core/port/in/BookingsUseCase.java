package io.bokit.core.port.in;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.HistoryQuery;
import java.util.List;

/** Reads bookings (imported and local) and their change history. */
public interface BookingsUseCase {

    /**
     * The bookings a query selects, sorted by check-in.
     *
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<Booking> find(BookingQuery query);

    /**
     * Change-history entries, newest first.
     *
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<BookingChange> history(HistoryQuery query);
}
