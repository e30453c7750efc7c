package io.bokit.core.port.in;

import java.util.Objects;

/**
 * A request to sync now.
 *
 * @param scope which feeds
 * @param force when true the interval is ignored (the run lease never is); when false the run
 *     happens only if the interval is over, and it claims that interval
 * @param ignoreBackoff when true the feeds in scope are fetched even while they rest after a failure or a
 *     channel's {@code Retry-After} (an operator retrying by hand); when false a resting feed is reported as
 *     backed off and not fetched
 */
public record SyncCommand(SyncScope scope, boolean force, boolean ignoreBackoff) {
    public SyncCommand {
        Objects.requireNonNull(scope, "scope");
    }

    /** A request that honours the feeds' back-off. */
    public SyncCommand(SyncScope scope, boolean force) {
        this(scope, force, false);
    }

    /** Every enabled feed, now, whatever the interval. */
    public static SyncCommand forceAll() {
        return new SyncCommand(SyncScope.all(), true);
    }
}
