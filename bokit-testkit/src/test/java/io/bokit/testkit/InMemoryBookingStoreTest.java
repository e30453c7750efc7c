package io.bokit.testkit;

import io.bokit.core.port.out.BookingStorePort;
import io.bokit.testkit.contract.BookingStorePortContract;
import java.util.function.Supplier;

class InMemoryBookingStoreTest extends BookingStorePortContract {

    @Override
    protected Supplier<BookingStorePort> newStore() {
        InMemoryBookingStore.Store store = new InMemoryBookingStore.Store();
        return () -> new InMemoryBookingStore(store);
    }
}
