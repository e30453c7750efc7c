package io.bokit.core.port.in;

import io.bokit.core.domain.SyncReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What this node did in a shared run it joined.
 *
 * @param runId the run
 * @param openedBy the node that opened it, for people
 * @param synced how many of its feeds this node synced and recorded
 * @param closedReport the run's report, if this node recorded its last result and closed it; null otherwise
 */
public record JoinedRun(String runId, String openedBy, int synced, SyncReport closedReport) {
    public JoinedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(openedBy, "openedBy");
    }

    /** The run's report, if this node closed the run. */
    public Optional<SyncReport> report() {
        return Optional.ofNullable(closedReport);
    }
}
