package io.bokit.micronaut;

import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.ExportResponse;
import io.bokit.host.ExportServer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The exports at {@code ${bokit.export.path}/<token>.ics}, answered by the host's {@link ExportServer} off the
 * event loop. An unknown or rotated token is Micronaut's own 404, the same as for any unmatched path.
 */
@Controller("${" + BokitSettings.EXPORT_PATH + ":" + BokitSettings.DEFAULT_EXPORT_PATH + "}")
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
@Requires(property = BokitSettings.EXPORT_ENABLED, notEquals = StringUtils.FALSE)
final class BokitExportController {
    private final ExportServer server;

    BokitExportController(BokitHost host) {
        this.server = host.exports();
    }

    /** {@code GET} and (by Micronaut's head route) {@code HEAD} of {@code <path>/<token>.ics}. */
    @Get(uri = "/{file}", produces = ExportServer.CONTENT_TYPE)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<byte[]> get(
            HttpRequest<?> request,
            @PathVariable String file,
            @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Nullable @Header(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return answer(request.getMethod(), file, ifNoneMatch, ifModifiedSince);
    }

    private HttpResponse<byte[]> answer(HttpMethod method, String file, String ifNoneMatch, String ifModifiedSince) {
        ExportResponse answer = server.serve(method.name(), server.path() + "/" + file, ifNoneMatch, ifModifiedSince);
        if (answer.notFoundAnswer()) {
            return null; // Micronaut's own "Page Not Found", as for any unmatched path
        }
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        answer.headers().forEach((name, value) -> {
            if (!name.equals(HttpHeaders.CONTENT_LENGTH) && !name.equals(HttpHeaders.CONTENT_TYPE)) {
                response.header(name, value);
            }
        });
        if (answer.status() == 200) {
            response.contentType(ExportServer.CONTENT_TYPE);
            if (answer.bodyLength() > 0) {
                response.body(answer.body());
            } else {
                response.contentLength(Long.parseLong(answer.headers().get(HttpHeaders.CONTENT_LENGTH)));
            }
        }
        return response;
    }
}
