package io.bokit.core.port.out;

import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The shared sync state: when the last interval was claimed, and the run lease. This is what makes
 * "exactly once per interval" hold across threads and processes: every claim is one atomic
 * operation on the store that all of them share.
 *
 * <p>The {@code now} passed to each method is the caller's clock. An implementation may use its
 * own time source instead (a database's clock, so that nodes with skewed clocks agree); the
 * instants it returns and records are then that source's.
 *
 * <p>Implementations are thread-safe.
 */
public interface SyncStatePort {

    /**
     * The current state.
     *
     * @return the state, never null ({@link SyncState#EMPTY} before the first claim)
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    SyncState load();

    /**
     * Atomically claims the next interval and the run lease together. Succeeds, for exactly one of
     * any number of concurrent callers, if and only if at the claim time {@code t}:
     * no interval was ever claimed or {@code t − lastClaim > interval} (strictly), and no lease is
     * held ({@code lease.expiresAt ≤ t}). On success the last claim becomes {@code t} and the lease
     * is {@code owner}'s until {@code t + leaseFor}.
     *
     * @param interval the sync interval, positive
     * @param owner who claims, for people (host and process)
     * @param leaseFor how long the lease holds unless released, positive
     * @param now the caller's current time
     * @return the new lease if this call won, or empty if the interval is not over or a lease is held
     * @throws IllegalArgumentException if {@code interval} or {@code leaseFor} is not positive
     * @throws io.bokit.core.domain.StorageException if the store cannot be read or written
     */
    Optional<RunLease> claimInterval(Duration interval, String owner, Duration leaseFor, Instant now);

    /**
     * Atomically takes the run lease without regard to the interval (a forced or partial run). Does
     * not change the last claim.
     *
     * @param owner who claims, for people (host and process)
     * @param leaseFor how long the lease holds unless released, positive
     * @param now the caller's current time
     * @return the new lease if no other lease was held, or empty
     * @throws IllegalArgumentException if {@code leaseFor} is not positive
     * @throws io.bokit.core.domain.StorageException if the store cannot be read or written
     */
    Optional<RunLease> acquireLease(String owner, Duration leaseFor, Instant now);

    /**
     * Releases a lease if it is still the one recorded (same token), expired or not; afterwards
     * {@link #load()} shows no lease. A lease another owner took over after this one expired is left
     * alone.
     *
     * @param lease a lease returned by this port
     * @return whether it was still held and is now released
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    boolean release(RunLease lease);

    /**
     * Forgets the last claim, so the next due check runs a sync (the original's
     * {@code Cache::forget('last_auto_sync')}). The lease is left as it is.
     *
     * @throws io.bokit.core.domain.StorageException if the store cannot be written
     */
    void forget();
}
