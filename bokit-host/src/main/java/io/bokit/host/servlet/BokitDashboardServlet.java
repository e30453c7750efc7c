package io.bokit.host.servlet;

import io.bokit.host.dashboard.Dashboard;
import io.bokit.host.dashboard.DashboardRequest;
import io.bokit.host.dashboard.DashboardResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The operator's page as a plain Jakarta Servlet: map it to {@code <bokit.dashboard.path>} and {@code
 * <bokit.dashboard.path>/*} (by default {@code /bokit} and {@code /bokit/*}); it hands every request to the {@link
 * Dashboard}, with the container's principal ({@code getUserPrincipal()}, which Spring Security fills) and the
 * request attributes for the guard. docs/dashboard.md shows the registration.
 */
public final class BokitDashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Dashboard dashboard;

    /** A servlet serving this page. */
    public BokitDashboardServlet(Dashboard dashboard) {
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DashboardResponse answer = dashboard.handle(new DashboardRequest(
                request.getMethod(),
                BokitServletFilter.path(request),
                request.getContextPath(),
                DashboardRequest.decodeForm(request.getQueryString()),
                "POST".equalsIgnoreCase(request.getMethod()) ? form(request) : Map.of(),
                request.getUserPrincipal(),
                request::getHeader,
                request::getAttribute));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        byte[] body = answer.bodyBytes();
        response.setContentLength(body.length);
        if (!"HEAD".equalsIgnoreCase(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static Map<String, String> form(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                fields.put(name, values[0]);
            }
        });
        return fields;
    }
}
