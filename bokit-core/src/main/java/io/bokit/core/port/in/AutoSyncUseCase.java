package io.bokit.core.port.in;

/**
 * The request hook: adapters call {@link #onRequest()} once per handled request, and the sync runs
 * after the response when the interval has passed.
 */
public interface AutoSyncUseCase {

    /**
     * Notes a request. When no sync is due this is a comparison against an in-memory instant: no I/O,
     * no lock, no allocation. When one may be due, at most one thread per process checks, claims
     * the interval and hands the run to the adapter's executor. Never throws; thread-safe.
     */
    void onRequest();

    /**
     * Makes the next request re-read options and state instead of waiting for the refresh period
     * (call after changing options in this process). Thread-safe.
     */
    void refreshSoon();
}
