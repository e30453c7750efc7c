package io.bokit.core.port.in;

import io.bokit.core.domain.RunLease;
import io.bokit.core.domain.SyncReport;
import java.time.Instant;
import java.util.Objects;

/** The result of a {@link SyncCommand}: a report, or why no run happened. */
public sealed interface SyncResult {

    /**
     * The run happened.
     *
     * @param report what it did
     */
    record Completed(SyncReport report) implements SyncResult {
        public Completed {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Another run holds the lease.
     *
     * @param holder the lease held, or null if it could not be read
     */
    record Busy(RunLease holder) implements SyncResult {}

    /**
     * The interval is not over (only without {@code force}).
     *
     * @param until the sync becomes due strictly after this instant, or null if another node just claimed it
     */
    record NotDue(Instant until) implements SyncResult {}
}
