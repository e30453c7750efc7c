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
     * Notes a request, as {@link #onRequest()} does; when this request is the one that starts a
     * check (at most one per refresh period and process), first runs {@code beforeCheck} on this
     * thread. Web adapters flush the page there, so that the request that triggers the check is not
     * held by it. A {@code beforeCheck} that throws is ignored. Never throws; thread-safe.
     *
     * @param beforeCheck what to do first on the request that starts a check, not null
     */
    void onRequest(Runnable beforeCheck);

    /**
     * Makes the next request re-read options and state instead of waiting for the refresh period
     * (call after changing options in this process). Thread-safe.
     */
    void refreshSoon();
}
