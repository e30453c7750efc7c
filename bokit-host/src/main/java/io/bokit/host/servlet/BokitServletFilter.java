package io.bokit.host.servlet;

import io.bokit.host.RequestTrigger;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bokit's after-response trigger as a plain Jakarta Servlet filter, for any servlet container (and
 * the Spring adapter's servlet stack): after the rest of the chain has handled a request, it calls
 * the {@link RequestTrigger}. On the one request per refresh period that starts a check, it first
 * flushes the response of a page that completed (not one that threw, nor an asynchronous one), so
 * that page goes out before the check and the sync start competing for the CPU. Register it for
 * {@link DispatcherType#REQUEST} only, with async supported as soon as one servlet is asynchronous
 * (docs/servlet.md shows the registration). Nothing it does can fail a request.
 */
public final class BokitServletFilter implements Filter {
    private static final Logger log = LoggerFactory.getLogger(BokitServletFilter.class);

    private final RequestTrigger trigger;

    /** A filter calling this trigger. */
    public BokitServletFilter(RequestTrigger trigger) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request instanceof HttpServletRequest http ? path(http) : null;
        if (path == null || trigger.excludes(path)) {
            chain.doFilter(request, response);
            return;
        }
        boolean pageDone = false;
        try {
            chain.doFilter(request, response);
            // a page that failed still has its error page to come, an asynchronous one its body
            pageDone = !request.isAsyncStarted();
        } finally {
            trigger.afterResponse(path, pageDone ? () -> flush(response) : null);
        }
    }

    /**
     * The request's path without the context path, as the container mapped it: decoded, normalised and
     * without path parameters, so {@code /static/app.css;jsessionid=1} is {@code /static/app.css}.
     */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** Sends what the page has written so far; a client that has gone away does not stop the check. */
    private static void flush(ServletResponse response) {
        try {
            response.flushBuffer();
        } catch (IOException e) {
            log.debug("[AutoSync] Could not flush the page before the check: {}", e.toString());
        }
    }
}
