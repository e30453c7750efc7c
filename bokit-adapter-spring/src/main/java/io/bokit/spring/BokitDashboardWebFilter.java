package io.bokit.spring;

import io.bokit.host.dashboard.Dashboard;
import io.bokit.host.dashboard.DashboardRequest;
import io.bokit.host.dashboard.DashboardResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The operator's page in a Spring WebFlux application: answers the requests under {@code bokit.dashboard.path} with
 * the host's {@link Dashboard} on {@code boundedElastic} (it reads the store), after the application's security
 * filters (the principal and Spring Security's CSRF token are resolved first); every other request passes on.
 */
final class BokitDashboardWebFilter implements WebFilter, Ordered {
    /** After Spring Security's {@code WebFilterChainProxy} (order -100), before the handlers. */
    static final int ORDER = 0;

    private final Dashboard dashboard;

    BokitDashboardWebFilter(Dashboard dashboard) {
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!dashboard.handles(path)) {
            return chain.filter(exchange);
        }
        Mono<Map<String, String>> form =
                HttpMethod.POST.equals(exchange.getRequest().getMethod())
                        ? exchange.getFormData().map(BokitDashboardWebFilter::first)
                        : Mono.just(Map.of());
        Object csrf = exchange.getAttribute(SpringSecurityDashboardGuard.REACTIVE_CSRF);
        Mono<Object> token = csrf instanceof Mono<?> pending ? pending.cast(Object.class) : Mono.empty();
        return Mono.zip(
                        exchange.getPrincipal().map(Object.class::cast).defaultIfEmpty(NONE),
                        form,
                        token.defaultIfEmpty(NONE))
                .publishOn(Schedulers.boundedElastic())
                .map(parts -> dashboard.handle(new DashboardRequest(
                        exchange.getRequest().getMethod().name(),
                        path,
                        exchange.getRequest().getPath().contextPath().value(),
                        first(exchange.getRequest().getQueryParams()),
                        parts.getT2(),
                        parts.getT1() == NONE ? null : (Principal) parts.getT1(),
                        exchange.getRequest().getHeaders()::getFirst,
                        name -> name.equals(SpringSecurityDashboardGuard.REACTIVE_CSRF)
                                ? (parts.getT3() == NONE ? null : parts.getT3())
                                : exchange.getAttribute(name))))
                .flatMap(answer -> write(exchange.getResponse(), answer));
    }

    private static final Object NONE = new Object();

    private static Mono<Void> write(ServerHttpResponse response, DashboardResponse answer) {
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        answer.headers().forEach((name, value) -> response.getHeaders().set(name, value));
        DataBuffer body = response.bufferFactory().wrap(answer.bodyBytes());
        return response.writeWith(Mono.just(body));
    }

    private static Map<String, String> first(MultiValueMap<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (!list.isEmpty() && list.get(0) != null) {
                out.put(name, list.get(0));
            }
        });
        return out;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
