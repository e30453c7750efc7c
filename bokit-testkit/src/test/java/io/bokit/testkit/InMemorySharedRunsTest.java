package io.bokit.testkit;

import io.bokit.core.port.out.SharedRunPort;
import io.bokit.testkit.contract.SharedRunPortContract;
import java.util.function.Supplier;

class InMemorySharedRunsTest extends SharedRunPortContract {
    @Override
    protected Supplier<SharedRunPort> newStore() {
        InMemorySharedRuns.Store store = new InMemorySharedRuns.Store();
        return () -> new InMemorySharedRuns(store);
    }
}
