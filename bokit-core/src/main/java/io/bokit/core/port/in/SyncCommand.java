package io.bokit.core.port.in;

import java.util.Objects;

/**
 * A request to sync now.
 *
 * @param scope which feeds
 * @param force when true the interval is ignored (the run lease never is); when false the run
 *     happens only if the interval is over, and it claims that interval
 */
public record SyncCommand(SyncScope scope, boolean force) {
    public SyncCommand {
        Objects.requireNonNull(scope, "scope");
    }

    /** Every enabled feed, now, whatever the interval. */
    public static SyncCommand forceAll() {
        return new SyncCommand(SyncScope.all(), true);
    }
}
