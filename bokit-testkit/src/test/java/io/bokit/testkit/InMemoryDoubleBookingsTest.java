package io.bokit.testkit;

import io.bokit.core.port.out.DoubleBookingsPort;
import io.bokit.testkit.contract.DoubleBookingsPortContract;
import java.util.function.Supplier;

class InMemoryDoubleBookingsTest extends DoubleBookingsPortContract {

    @Override
    protected Supplier<DoubleBookingsPort> newStore() {
        InMemoryDoubleBookings.Store store = new InMemoryDoubleBookings.Store();
        return () -> new InMemoryDoubleBookings(store);
    }
}
