package io.bokit.core.port.out;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.Overlap;
import java.time.Instant;
import java.util.List;

/** {@link DoubleBookingsPort#none()}: keeps nothing. */
final class NoDoubleBookings implements DoubleBookingsPort {
    static final NoDoubleBookings INSTANCE = new NoDoubleBookings();

    private NoDoubleBookings() {}

    @Override
    public boolean open(Overlap overlap, Instant foundAt) {
        return false;
    }

    @Override
    public boolean close(Overlap overlap, Instant closedAt) {
        return false;
    }

    @Override
    public List<DoubleBooking> listOpen(CalendarKey calendar) {
        return List.of();
    }

    @Override
    public List<DoubleBooking> recent(int limit) {
        return List.of();
    }
}
