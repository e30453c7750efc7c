package io.bokit.testkit;

import io.bokit.core.port.out.ExportLinksPort;
import io.bokit.testkit.contract.ExportLinksPortContract;
import java.util.function.Supplier;

class InMemoryExportLinksTest extends ExportLinksPortContract {

    @Override
    protected Supplier<ExportLinksPort> newStore() {
        InMemoryExportLinks.Store store = new InMemoryExportLinks.Store();
        return () -> new InMemoryExportLinks(store);
    }
}
