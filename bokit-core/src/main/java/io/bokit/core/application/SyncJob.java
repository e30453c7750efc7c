package io.bokit.core.application;

import io.bokit.core.domain.RunLease;

/** The work a won claim starts: a sync run under a lease its caller already holds and releases. */
@FunctionalInterface
public interface SyncJob {

    /**
     * Runs the sync. May throw; the caller logs it and releases the lease.
     *
     * @param lease the lease held for this run, not null
     */
    void run(RunLease lease);
}
