package io.bokit.testkit;

import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.testkit.contract.FeedCatalogPortContract;
import java.util.function.Supplier;

class InMemoryFeedCatalogTest extends FeedCatalogPortContract {

    @Override
    protected Supplier<FeedCatalogPort> newStore() {
        InMemoryFeedCatalog.Store store = new InMemoryFeedCatalog.Store();
        return () -> new InMemoryFeedCatalog(store);
    }
}
