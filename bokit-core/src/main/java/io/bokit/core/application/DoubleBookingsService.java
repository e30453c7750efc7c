package io.bokit.core.application;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.in.DoubleBookingsUseCase;
import io.bokit.core.port.out.DoubleBookingsPort;
import java.util.List;
import java.util.Objects;

/** Reads the double-booking records from their port. */
final class DoubleBookingsService implements DoubleBookingsUseCase {
    private final DoubleBookingsPort records;

    DoubleBookingsService(DoubleBookingsPort records) {
        this.records = Objects.requireNonNull(records, "records");
    }

    @Override
    public List<DoubleBooking> open(CalendarKey calendar) {
        return records.listOpen(calendar);
    }

    @Override
    public List<DoubleBooking> recent(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("The limit must be 1 or more, was " + limit);
        }
        return records.recent(limit);
    }
}
