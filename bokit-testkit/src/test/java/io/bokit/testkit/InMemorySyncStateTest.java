package io.bokit.testkit;

import io.bokit.core.port.out.SyncStatePort;
import io.bokit.testkit.contract.SyncStatePortContract;
import java.util.function.Supplier;

class InMemorySyncStateTest extends SyncStatePortContract {

    @Override
    protected Supplier<SyncStatePort> newStore() {
        InMemorySyncState.Store store = new InMemorySyncState.Store();
        return () -> new InMemorySyncState(store);
    }

    /** Calls in memory overlap for nanoseconds only, so it takes more rounds to catch a race. */
    @Override
    protected int concurrentRounds() {
        return 500;
    }
}
