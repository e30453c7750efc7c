package io.bokit.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.in.AutoSyncUseCase;
import io.bokit.host.PathPatterns;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wp-cron trigger: after each response is built, calls bokit's request hook. On the event loop
 * it only runs the hook's fast path (one comparison in memory); the check (claim, database) and the
 * sync run go to bokit's bounded executor, so no response waits and the response is never changed.
 * Created at startup ({@code @Context}), so a bad excluded-path pattern fails the startup, not every page.
 */
@Context
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = BokitConfiguration.PREFIX + ".enabled", notEquals = StringUtils.FALSE)
@Requires(property = BokitConfiguration.PREFIX + ".trigger.enabled", notEquals = StringUtils.FALSE)
public final class BokitTriggerFilter {
    private static final Logger log = LoggerFactory.getLogger(BokitTriggerFilter.class);

    private final AutoSyncUseCase hook;
    private final PathPatterns excludedPaths;

    BokitTriggerFilter(Bokit bokit, BokitConfiguration.Trigger trigger) {
        this.hook = bokit.autoSync();
        this.excludedPaths = PathPatterns.of(trigger.getExcludedPaths());
    }

    /**
     * Calls the request hook unless the path is excluded; never throws, never touches the response.
     *
     * @param request the request whose response was just built
     */
    @ResponseFilter
    public void afterResponse(HttpRequest<?> request) {
        try {
            if (!excluded(request.getPath())) {
                hook.onRequest();
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.warn("[AutoSync] Sync check failed: {}", e.toString());
        }
    }

    boolean excluded(String path) {
        return excludedPaths.matches(path);
    }
}
