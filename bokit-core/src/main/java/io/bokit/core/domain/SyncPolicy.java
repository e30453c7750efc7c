package io.bokit.core.domain;

import java.time.Instant;

/**
 * Decides whether an automatic sync is due. Pure: no I/O, no clock of its own.
 *
 * <p>Due means {@code install.complete} is true and {@code now − lastClaim > sync.interval}
 * (strictly greater, as in the original), or nothing was ever claimed.
 */
public final class SyncPolicy {
    private static final SyncDecision DUE = new SyncDecision.Due();
    private static final SyncDecision INSTALL_INCOMPLETE =
            new SyncDecision.Disabled("install.complete is false: automatic syncs start once installation is complete");

    private SyncPolicy() {}

    /** Decides for these options, this state, at this instant. */
    public static SyncDecision decide(Options options, SyncState state, Instant now) {
        if (!options.installComplete()) {
            return INSTALL_INCOMPLETE;
        }
        if (state.lastClaim() == null) {
            return DUE;
        }
        Instant until = state.lastClaim().plus(options.syncInterval());
        return now.isAfter(until) ? DUE : new SyncDecision.NotDue(until);
    }
}
