package io.bokit.testkit;

import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncState;
import io.bokit.core.port.out.SyncStatePort;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link SyncStatePort} in memory that honours the caller's {@code now}; instances over one
 * {@link Store} behave like nodes sharing one database, each claim being atomic across all of them.
 */
public final class InMemorySyncState implements SyncStatePort {
    private final Store store;

    /** An instance over a store of its own. */
    public InMemorySyncState() {
        this(new Store());
    }

    /**
     * An instance over a store that other instances may share.
     *
     * @param store the backing store, not null
     */
    public InMemorySyncState(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public SyncState load() {
        return store.state.get();
    }

    @Override
    public Optional<RunLease> claimInterval(Duration interval, String owner, Duration leaseFor, Instant now) {
        requirePositive("interval", interval);
        return takeLease(owner, leaseFor, now, interval);
    }

    @Override
    public Optional<RunLease> acquireLease(String owner, Duration leaseFor, Instant now) {
        return takeLease(owner, leaseFor, now, null);
    }

    @Override
    public boolean release(RunLease lease) {
        String token = lease.token();
        while (true) {
            SyncState current = store.state.get();
            if (current.lease() == null || !current.lease().token().equals(token)) {
                return false;
            }
            if (store.state.compareAndSet(current, new SyncState(current.lastClaim(), null))) {
                return true;
            }
        }
    }

    @Override
    public void forget() {
        store.state.updateAndGet(current -> new SyncState(null, current.lease()));
    }

    /** Takes the lease if none is held and, when {@code interval} is not null, claims the interval too. */
    private Optional<RunLease> takeLease(String owner, Duration leaseFor, Instant now, Duration interval) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        requirePositive("leaseFor", leaseFor);
        RunLease lease = new RunLease(owner, UUID.randomUUID().toString(), now, now.plus(leaseFor));
        while (true) {
            SyncState current = store.state.get();
            if (current.activeLease(now).isPresent() || (interval != null && !intervalOver(current, interval, now))) {
                return Optional.empty();
            }
            Instant lastClaim = interval == null ? current.lastClaim() : now;
            if (store.state.compareAndSet(current, new SyncState(lastClaim, lease))) {
                return Optional.of(lease);
            }
        }
    }

    private static boolean intervalOver(SyncState state, Duration interval, Instant now) {
        return state.lastClaim() == null
                || Duration.between(state.lastClaim(), now).compareTo(interval) > 0;
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The " + name + " must be positive, not " + duration);
        }
    }

    /** The sync state that several {@link InMemorySyncState} may share. */
    public static final class Store {
        private final AtomicReference<SyncState> state = new AtomicReference<>(SyncState.EMPTY);

        /** An empty store: never claimed, no lease. */
        public Store() {}
    }
}
