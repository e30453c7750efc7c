package io.bokit.micronaut;

import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.dashboard.Dashboard;
import io.bokit.host.dashboard.DashboardRequest;
import io.bokit.host.dashboard.DashboardResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's page at {@code bokit.dashboard.path}, answered by the host's {@link Dashboard} on the blocking
 * executor, before the route runs (so it is found where the {@code bokit} management endpoint shares its path {@code
 * /bokit}); see {@link #getOrder()} for where it sits among the security filters. Only when {@code
 * bokit.dashboard.enabled=true}.
 */
@ServerFilter("${" + BokitSettings.DASHBOARD_PATH + ":" + BokitSettings.DEFAULT_DASHBOARD_PATH + "}/**")
@Requires(property = BokitSettings.ENABLED, notEquals = StringUtils.FALSE)
@Requires(property = BokitSettings.DASHBOARD_ENABLED, value = StringUtils.TRUE)
final class BokitDashboardFilter implements Ordered {
    private final Dashboard dashboard;

    BokitDashboardFilter(BokitHost host) {
        this.dashboard = host.dashboard().orElseThrow();
    }

    /**
     * Answers a request to the page, or lets any other through.
     *
     * @param request the request
     * @param body the form of a {@code POST}, or null
     * @return the page's answer, or null to go on
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> answer(HttpRequest<?> request, @Nullable @Body String body) {
        String path = request.getPath();
        if (!dashboard.handles(path)) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        DashboardResponse answer = dashboard.handle(new DashboardRequest(
                request.getMethodName(),
                path,
                "",
                query,
                "POST".equals(request.getMethodName()) ? DashboardRequest.decodeForm(body) : Map.of(),
                request.getUserPrincipal().orElse(null),
                request.getHeaders()::get,
                name -> request.getAttribute(name).orElse(null)));
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        answer.headers().forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                response.header(name, value);
            }
        });
        response.contentType(answer.headers().get("Content-Type"));
        return response.body(answer.bodyBytes());
    }

    /**
     * Right after micronaut-security's filter when the application has it (its rules have run and the principal is
     * known), else right before the management endpoints' own filter, which would refuse {@code /bokit} as the
     * sensitive endpoint's path before the page's guard is asked.
     */
    @Override
    public int getOrder() {
        return SECURITY_PRESENT ? ServerFilterPhase.SECURITY.after() : ServerFilterPhase.SECURITY.before();
    }

    private static final boolean SECURITY_PRESENT = io.micronaut.core.reflect.ClassUtils.isPresent(
            "io.micronaut.security.filters.SecurityFilter", BokitDashboardFilter.class.getClassLoader());
}
