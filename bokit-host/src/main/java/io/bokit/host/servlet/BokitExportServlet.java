package io.bokit.host.servlet;

import io.bokit.host.ExportResponse;
import io.bokit.host.ExportServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * bokit's exports as a plain Jakarta Servlet: map it to {@code <bokit.export.path>/*} (by default
 * {@code /bokit/ical/*}) and it answers {@code GET} and {@code HEAD} of {@code <path>/<token>.ics} through the
 * {@link ExportServer}. Anything else, an unknown or a rotated token included, is the container's own 404
 * ({@code sendError}), the same as for any path nothing is mapped to. docs/servlet.md shows the registration.
 */
public final class BokitExportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ExportServer server;

    /** A servlet serving this host's exports. */
    public BokitExportServlet(ExportServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportResponse answer = server.serve(
                request.getMethod(),
                BokitServletFilter.path(request),
                request.getHeader("If-None-Match"),
                request.getHeader("If-Modified-Since"));
        if (answer.notFoundAnswer()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.bodyLength() > 0) {
            answer.writeBody(response.getOutputStream());
        }
    }
}
