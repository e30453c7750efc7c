package io.bokit.spring;

import io.bokit.host.ExportResponse;
import io.bokit.host.ExportServer;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The exports in a Spring WebFlux application: answers {@code GET} and {@code HEAD} of
 * {@code <bokit.export.path>/<token>.ics} with the host's {@link ExportServer} on {@code boundedElastic} (a cold body
 * reads the store); anything it does not serve, an unknown or rotated token included, goes on down the chain, so it
 * ends as the application's own 404 like any path nothing handles.
 */
final class BokitExportWebFilter implements WebFilter, Ordered {
    /** Before the handlers, like the servlet application's export servlet. */
    static final int ORDER = 0;

    private final ExportServer exports;

    BokitExportWebFilter(ExportServer exports) {
        this.exports = Objects.requireNonNull(exports, "exports");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (exports.tokenOf(path) == null) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return Mono.fromCallable(() -> exports.serve(
                        exchange.getRequest().getMethod().name(),
                        path,
                        headers.getFirst(HttpHeaders.IF_NONE_MATCH),
                        headers.getFirst(HttpHeaders.IF_MODIFIED_SINCE)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(answer ->
                        answer.notFoundAnswer() ? chain.filter(exchange) : write(exchange.getResponse(), answer));
    }

    private static Mono<Void> write(ServerHttpResponse response, ExportResponse answer) {
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        answer.headers().forEach((name, value) -> response.getHeaders().set(name, value));
        if (answer.bodyLength() == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
