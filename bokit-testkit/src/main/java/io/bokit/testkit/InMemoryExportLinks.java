package io.bokit.testkit;

import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.TokenHash;
import io.bokit.core.port.out.ExportLinksPort;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An {@link ExportLinksPort} in memory; instances over one {@link Store} share their exports. */
public final class InMemoryExportLinks implements ExportLinksPort {
    private final Store store;

    /** An instance over a store of its own. */
    public InMemoryExportLinks() {
        this(new Store());
    }

    /**
     * An instance over a store that other instances may share, like nodes sharing one database.
     *
     * @param store the backing store, not null
     */
    public InMemoryExportLinks(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void save(ExportLink link) {
        Objects.requireNonNull(link, "link");
        synchronized (store) {
            for (ExportLink other : store.links.values()) {
                if (!other.id().equals(link.id()) && other.tokenHash().equals(link.tokenHash())) {
                    throw new InvalidInputException("Export " + other.id() + " already has this token");
                }
            }
            store.links.put(link.id(), link);
        }
    }

    @Override
    public Optional<ExportLink> find(ExportId id) {
        Objects.requireNonNull(id, "id");
        synchronized (store) {
            return Optional.ofNullable(store.links.get(id));
        }
    }

    @Override
    public Optional<ExportLink> findByTokenHash(TokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        synchronized (store) {
            return store.links.values().stream()
                    .filter(link -> link.tokenHash().equals(hash))
                    .findFirst();
        }
    }

    @Override
    public List<ExportLink> list() {
        synchronized (store) {
            return store.links.values().stream()
                    .sorted(Comparator.comparing(
                                    (ExportLink link) -> link.calendar().value())
                            .thenComparing(link -> link.id().value()))
                    .toList();
        }
    }

    @Override
    public boolean remove(ExportId id) {
        Objects.requireNonNull(id, "id");
        synchronized (store) {
            return store.links.remove(id) != null;
        }
    }

    /** The exports that several {@link InMemoryExportLinks} may share. */
    public static final class Store {
        private final Map<ExportId, ExportLink> links = new HashMap<>();

        /** An empty store. */
        public Store() {}
    }
}
