package io.bokit.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * A shared run that has just been closed because every feed of it has a result.
 *
 * @param id the run's id
 * @param lease the run lease its opener took, to be released now
 * @param results one result per feed, in the order the run planned them, whichever node synced each
 */
public record ClosedRun(String id, RunLease lease, List<FeedResult> results) {
    public ClosedRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lease, "lease");
        results = List.copyOf(results);
    }
}
