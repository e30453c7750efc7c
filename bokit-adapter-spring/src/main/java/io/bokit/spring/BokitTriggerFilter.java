package io.bokit.spring;

import io.bokit.core.port.in.AutoSyncUseCase;
import io.bokit.host.PathPatterns;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The trigger filter over a request hook of the application's choosing, for code that registers it by
 * hand under the {@code bokitTriggerFilter} bean name (the auto-configuration's filter then backs off);
 * the auto-configuration itself registers {@code bokit-host}'s {@link io.bokit.host.servlet.BokitServletFilter}
 * over {@link io.bokit.host.BokitHost#trigger()}, which behaves the same. The wp-cron trigger: after the rest of the chain has handled a request, calls the request hook,
 * whose work on this thread is one comparison (the claim and the run happen on bokit's executor).
 * On the one request per refresh period that starts a check, the filter first flushes the response
 * of a page that completed (not one that threw, nor an asynchronous one), so that this page goes out
 * before bokit's check and sync start competing for the CPU.
 * Requests to excluded paths (actuator, static assets by default) are not counted. Nothing it does
 * can fail the request.
 *
 * @deprecated register {@link io.bokit.host.servlet.BokitServletFilter} over {@code BokitHost.trigger()}
 */
@Deprecated(since = "0.1.0")
public final class BokitTriggerFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(BokitTriggerFilter.class);

    private final AutoSyncUseCase hook;
    private final PathPatterns excludedPaths;

    /**
     * Creates the filter.
     *
     * @param hook the request hook, not null
     * @param excludedPaths Ant-style patterns of paths (without the context path) that never trigger
     */
    public BokitTriggerFilter(AutoSyncUseCase hook, List<String> excludedPaths) {
        this.hook = Objects.requireNonNull(hook, "hook");
        this.excludedPaths = PathPatterns.of(excludedPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean pageDone = false;
        try {
            chain.doFilter(request, response);
            // a page that failed still has its error page to come, an asynchronous one its body
            pageDone = !request.isAsyncStarted();
        } finally {
            try {
                if (pageDone) {
                    hook.onRequest(() -> flush(response));
                } else {
                    hook.onRequest();
                }
            } catch (RuntimeException e) {
                // the hook never throws; if it ever did, the page must not suffer for it
                log.warn("[AutoSync] Request hook failed: {}", e.toString());
            }
        }
    }

    /** Sends what the page has written so far; a client that has gone away does not stop the check. */
    private static void flush(HttpServletResponse response) {
        try {
            response.flushBuffer();
        } catch (IOException e) {
            log.debug("[AutoSync] Could not flush the page before the check: {}", e.toString());
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return excludedPaths.matches(path);
    }
}
