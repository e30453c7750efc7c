package io.bokit.core.port.in;

import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an operator needs to see to know whether and when syncs happen.
 *
 * @param installComplete the {@code install.complete} gate
 * @param interval the {@code sync.interval}
 * @param lastClaim when the last interval was claimed, or null
 * @param decision what the policy decides now
 * @param lease the lease held now, or null when no run is under way
 * @param feeds every feed, sorted by id
 * @param problem a problem that stops automatic syncs (e.g. an invalid stored option), or null
 */
public record SyncStatus(
        boolean installComplete,
        Duration interval,
        Instant lastClaim,
        SyncDecision decision,
        RunLease lease,
        List<FeedStatus> feeds,
        String problem) {
    public SyncStatus {
        feeds = List.copyOf(feeds);
    }
}
