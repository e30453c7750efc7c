package io.bokit.spring;

import io.bokit.core.port.in.AutoSyncUseCase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The wp-cron trigger: after the rest of the chain has handled a request, calls the request hook,
 * whose work on this thread is one comparison (the claim and the run happen on bokit's executor).
 * Requests to excluded paths (actuator, static assets by default) are not counted. Nothing it does
 * can fail the request.
 */
public final class BokitTriggerFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(BokitTriggerFilter.class);

    private final AutoSyncUseCase hook;
    private final List<String> excludedPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    /**
     * Creates the filter.
     *
     * @param hook the request hook, not null
     * @param excludedPaths Ant-style patterns of paths (without the context path) that never trigger
     */
    public BokitTriggerFilter(AutoSyncUseCase hook, List<String> excludedPaths) {
        this.hook = Objects.requireNonNull(hook, "hook");
        this.excludedPaths = List.copyOf(excludedPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                hook.onRequest();
            } catch (RuntimeException e) {
                // the hook never throws; if it ever did, the page must not suffer for it
                log.warn("[AutoSync] Request hook failed: {}", e.toString());
            }
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String pattern : excludedPaths) {
            if (matcher.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }
}
