package io.bokit.core.application;

import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether syncing is healthy, by the rules every adapter's health indicator shares: down when the
 * sync is overdue by more than two intervals, or when the last run failed on every feed it tried.
 *
 * @param up whether it is healthy
 * @param reason why, in words for an operator
 */
public record SyncHealth(boolean up, String reason) {
    public SyncHealth {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Assesses the status and the last run.
     *
     * @param status the current status
     * @param lastReport the last run's report in this process, or null if none ran here yet
     * @param now the current time
     * @return the assessment, never null
     */
    public static SyncHealth assess(SyncStatus status, SyncReport lastReport, Instant now) {
        if (status.problem() != null) {
            return new SyncHealth(false, status.problem());
        }
        if (!status.installComplete()) {
            return new SyncHealth(true, "automatic syncs are off until install.complete is true");
        }
        if (lastReport != null
                && !lastReport.feeds().isEmpty()
                && lastReport.errors() == lastReport.feeds().size()) {
            return new SyncHealth(false, "the last run failed on every feed (" + lastReport.errors() + ")");
        }
        Duration grace = status.interval().multipliedBy(2);
        if (status.lastClaim() != null
                && now.isAfter(status.lastClaim().plus(status.interval()).plus(grace))) {
            return new SyncHealth(
                    false,
                    "the sync is overdue: last claimed at " + status.lastClaim() + ", interval "
                            + status.interval().toSeconds() + " s");
        }
        return new SyncHealth(true, status.lastClaim() == null ? "no sync claimed yet" : "syncing on time");
    }
}
