package io.bokit.core.port.out;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.Overlap;
import java.time.Instant;
import java.util.List;

/**
 * The double-booking records: open ones, and closed ones kept as their history. A record is identified by its
 * {@link Overlap} (calendar, the two bookings, the nights); at most one record of an overlap is open at a time.
 * Implementations are thread-safe.
 */
public interface DoubleBookingsPort {

    /**
     * Records an overlap as open.
     *
     * @param overlap the overlap, not null
     * @param foundAt when it was found, not null
     * @return whether it was recorded: false when a record of that overlap is open already (nothing changes)
     * @throws io.bokit.core.domain.StorageException if the store fails
     */
    boolean open(Overlap overlap, Instant foundAt);

    /**
     * Closes the open record of an overlap.
     *
     * @param overlap the overlap, not null
     * @param closedAt when it closed, not null, not before it was found
     * @return whether an open record was closed: false when none was open
     * @throws io.bokit.core.domain.StorageException if the store fails
     */
    boolean close(Overlap overlap, Instant closedAt);

    /**
     * The open records.
     *
     * @param calendar only this calendar's, or null for every calendar
     * @return sorted by calendar, first night, then the pair; never null
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<DoubleBooking> listOpen(CalendarKey calendar);

    /**
     * The records found most recently, open and closed: the double-booking history.
     *
     * @param limit how many at most, 1 or more
     * @return newest found first (the order they were opened); never null
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     * @throws io.bokit.core.domain.InvalidInputException if the limit is below 1
     */
    List<DoubleBooking> recent(int limit);

    /** A port that keeps nothing: detection is off (the default of a core built without one). */
    static DoubleBookingsPort none() {
        return NoDoubleBookings.INSTANCE;
    }
}
