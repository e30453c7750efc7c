package io.bokit.core.port.in;

/** Runs a sync now: the operator's {@code bokit-cli sync}, an endpoint, a test. */
public interface SyncUseCase {

    /**
     * Syncs the feeds in scope, holding the run lease for the whole run. One feed's failure never
     * stops the others; expected failures are in the report, not thrown.
     *
     * @param command what to sync, not null
     * @return the report, or why no run happened; never null
     * @throws io.bokit.core.domain.StorageException if the sync state cannot be read or claimed
     */
    SyncResult sync(SyncCommand command);

    /**
     * Joins the shared run that is open, if any ({@code sync.shared_runs}): claims and syncs its feeds, one host
     * place at a time, until none is left to claim; closes the run and reports it if this node recorded its last
     * result. Returns at once when no run is open, or when shared runs are not set up in this process.
     *
     * @return what this node did in the run, or empty if no shared run was open
     * @throws io.bokit.core.domain.StorageException if the store cannot be read or written
     */
    java.util.Optional<JoinedRun> joinOpenRun();

    /**
     * Forgets when the last sync was claimed, so the next due check (a web request, a sync without force) starts a
     * run: the original's {@code Cache::forget('last_auto_sync')}. A run in progress keeps its lease. The request
     * hook of this process sees it at its next request, one in another process within its refresh period.
     * Thread-safe.
     *
     * @throws io.bokit.core.domain.StorageException if the sync state cannot be written
     */
    void forgetLastClaim();
}
