package io.bokit.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The shared sync state (the original's {@code last_auto_sync} cache key, plus the run lease).
 *
 * @param lastClaim when the last interval was claimed, or null if never (or forgotten)
 * @param lease the run lease recorded (it may have expired: check {@link RunLease#heldAt}), or null
 *     when none was taken or it was released
 */
public record SyncState(Instant lastClaim, RunLease lease) {
    /** Nothing claimed, no lease. */
    public static final SyncState EMPTY = new SyncState(null, null);

    /** The lease if it still holds at {@code now}. */
    public Optional<RunLease> activeLease(Instant now) {
        return lease != null && lease.heldAt(now) ? Optional.of(lease) : Optional.empty();
    }
}
