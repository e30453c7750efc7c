package io.bokit.core.port.in;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import java.util.List;

/** Lists the double-booking records: the open ones, and the recent ones (open and closed) as their history. */
public interface DoubleBookingsUseCase {

    /**
     * The open records.
     *
     * @param calendar only this calendar's, or null for every calendar
     * @return sorted by calendar, first night, then the pair; never null
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<DoubleBooking> open(CalendarKey calendar);

    /**
     * The records found most recently, open and closed.
     *
     * @param limit how many at most, 1 or more
     * @return newest found first; never null
     * @throws io.bokit.core.domain.InvalidInputException if the limit is below 1
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    List<DoubleBooking> recent(int limit);
}
