package io.bokit.host;

import io.bokit.core.port.in.AutoSyncUseCase;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a host's request filter calls after each response: the request hook, unless the path is
 * excluded ({@code bokit.trigger.excluded-paths}, and the exports under {@code bokit.export.path}) or the trigger is off ({@code bokit.trigger.enabled}).
 * Its work on the calling thread is a path match and one comparison; the check and the sync run on
 * bokit's executor. Never throws, so no page can fail because of it. Thread-safe.
 */
public final class RequestTrigger {
    private static final Logger log = LoggerFactory.getLogger(RequestTrigger.class);

    private final AutoSyncUseCase hook;
    private final PathPatterns excludedPaths;
    private final PathPatterns exportPaths;
    private final boolean enabled;

    RequestTrigger(AutoSyncUseCase hook, PathPatterns excludedPaths, boolean enabled) {
        this(hook, excludedPaths, PathPatterns.of(java.util.List.of()), enabled);
    }

    /** A trigger that also never fires for the export paths: a channel reading a calendar is no page view. */
    RequestTrigger(AutoSyncUseCase hook, PathPatterns excludedPaths, PathPatterns exportPaths, boolean enabled) {
        this.hook = Objects.requireNonNull(hook, "hook");
        this.excludedPaths = Objects.requireNonNull(excludedPaths, "excludedPaths");
        this.exportPaths = Objects.requireNonNull(exportPaths, "exportPaths");
        this.enabled = enabled;
    }

    /** Whether requests trigger syncs at all. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Whether a request to this path never triggers.
     *
     * @param path the request path without the context path, such as {@code /static/app.css}
     */
    public boolean excludes(String path) {
        return !enabled || excludedPaths.matches(path) || exportPaths.matches(path);
    }

    /** Notes a finished response to this path. */
    public void afterResponse(String path) {
        afterResponse(path, null);
    }

    /**
     * Notes a finished response to this path; when this request is the one that starts a check, first
     * runs {@code beforeCheck} (a servlet host flushes the page there).
     *
     * @param path the request path without the context path
     * @param beforeCheck what to run first on the request that starts a check, or null
     */
    public void afterResponse(String path, Runnable beforeCheck) {
        try {
            if (excludes(path)) {
                return;
            }
            if (beforeCheck == null) {
                hook.onRequest();
            } else {
                hook.onRequest(beforeCheck);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.warn("[AutoSync] Sync check failed: {}", e.toString());
        }
    }
}
