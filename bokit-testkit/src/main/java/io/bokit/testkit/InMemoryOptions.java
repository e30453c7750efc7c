package io.bokit.testkit;

import io.bokit.core.port.out.OptionsPort;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link OptionsPort} in memory; instances over one {@link Store} share their values. */
public final class InMemoryOptions implements OptionsPort {
    private final Store store;

    /** An instance over a store of its own. */
    public InMemoryOptions() {
        this(new Store());
    }

    /**
     * An instance over a store that other instances may share, like nodes sharing one database.
     *
     * @param store the backing store, not null
     */
    public InMemoryOptions(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Map<String, String> loadAll() {
        return Map.copyOf(store.values);
    }

    @Override
    public Optional<String> load(String key) {
        return Optional.ofNullable(store.values.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void store(String key, String value) {
        store.values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public boolean remove(String key) {
        return store.values.remove(Objects.requireNonNull(key, "key")) != null;
    }

    /** The option values that several {@link InMemoryOptions} may share. */
    public static final class Store {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        /** An empty store. */
        public Store() {}
    }
}
