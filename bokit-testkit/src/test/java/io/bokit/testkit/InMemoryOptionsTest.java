package io.bokit.testkit;

import io.bokit.core.port.out.OptionsPort;
import io.bokit.testkit.contract.OptionsPortContract;
import java.util.function.Supplier;

class InMemoryOptionsTest extends OptionsPortContract {

    @Override
    protected Supplier<OptionsPort> newStore() {
        InMemoryOptions.Store store = new InMemoryOptions.Store();
        return () -> new InMemoryOptions(store);
    }
}
