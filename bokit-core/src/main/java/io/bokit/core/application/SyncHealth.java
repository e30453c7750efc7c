package io.bokit.core.application;

import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether syncing is healthy, by the rules every adapter's health indicator shares: down when the
 * sync is overdue by more than two intervals, or when the last run failed on every feed it tried;
 * else degraded while double bookings are open; else up.
 *
 * @param status up, degraded or down
 * @param reason why, in words for an operator
 * @param openDoubleBookings how many double-booking records are open, 0 or more
 */
public record SyncHealth(Status status, String reason, int openDoubleBookings) {

    /** The health's level; {@link #DEGRADED} still syncs (it is operational) but needs the host's attention. */
    public enum Status {
        /** Syncing on time, no double booking open. */
        UP,
        /** Syncing, but double bookings are open: two channels sold the same nights. */
        DEGRADED,
        /** Not syncing: overdue, or every feed failed. */
        DOWN
    }

    public SyncHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (openDoubleBookings < 0) {
            throw new IllegalArgumentException("openDoubleBookings must be 0 or more, was " + openDoubleBookings);
        }
    }

    /** Up or down, with no double booking counted: the health before double bookings were detected. */
    public SyncHealth(boolean up, String reason) {
        this(up ? Status.UP : Status.DOWN, reason, 0);
    }

    /** Whether syncing works: up or degraded (not down). */
    public boolean up() {
        return status != Status.DOWN;
    }

    /** This health with another reason (e.g. masked). */
    public SyncHealth withReason(String value) {
        return new SyncHealth(status, value, openDoubleBookings);
    }

    /**
     * Assesses the status and the last run, with no double booking open.
     *
     * @see #assess(SyncStatus, SyncReport, Instant, int)
     */
    public static SyncHealth assess(SyncStatus status, SyncReport lastReport, Instant now) {
        return assess(status, lastReport, now, 0);
    }

    /**
     * Assesses the status, the last run and the open double bookings.
     *
     * @param status the current status
     * @param lastReport the last run's report in this process, or null if none ran here yet
     * @param now the current time
     * @param openDoubleBookings how many double-booking records are open, 0 or more
     * @return the assessment, never null
     */
    public static SyncHealth assess(SyncStatus status, SyncReport lastReport, Instant now, int openDoubleBookings) {
        SyncHealth syncing = syncing(status, lastReport, now);
        if (!syncing.up()) {
            return new SyncHealth(Status.DOWN, syncing.reason(), openDoubleBookings);
        }
        if (openDoubleBookings > 0) {
            return new SyncHealth(
                    Status.DEGRADED,
                    openDoubleBookings + (openDoubleBookings == 1 ? " double booking is" : " double bookings are")
                            + " open: two sources hold the same nights (" + syncing.reason() + ")",
                    openDoubleBookings);
        }
        return syncing;
    }

    private static SyncHealth syncing(SyncStatus status, SyncReport lastReport, Instant now) {
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
