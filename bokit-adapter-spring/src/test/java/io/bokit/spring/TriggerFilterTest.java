package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryFeedSource;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registered trigger filter's order of work on the request that starts a check, with bokit's real
 * request hook: the filter the auto-configuration registers, over in-memory stores and an executor that
 * only notes when it is handed the check.
 */
class TriggerFilterTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BokitAutoConfiguration.class))
            .withUserConfiguration(DueHost.class);

    @Test
    void flushesThePageBeforeTheRequestThatStartsACheckHandsItOver() {
        runner.run(context -> {
            // given the registered filter over a hook that is due
            List<String> steps = context.getBean(DueHost.class).steps;
            Filter filter = filter(context.getBean("bokitTriggerFilter", FilterRegistrationBean.class));

            // when one request starts the check and another comes in the same refresh period
            filter.doFilter(request("/"), response(steps), (request, response) -> steps.add("page written"));
            filter.doFilter(request("/"), response(steps), (request, response) -> steps.add("page written"));

            // then the first page was flushed before the check was handed over, and the second not at all
            assertThat(steps).containsExactly("page written", "page flushed", "check handed over", "page written");
        });
    }

    @Test
    void neverFlushesAPageThatThrewSoItsErrorPageCanStillBeSent() {
        runner.run(context -> {
            // given
            List<String> steps = context.getBean(DueHost.class).steps;
            Filter filter = filter(context.getBean("bokitTriggerFilter", FilterRegistrationBean.class));

            // when the page fails on the request that starts the check
            assertThatThrownBy(() -> filter.doFilter(request("/"), response(steps), (request, response) -> {
                        throw new IllegalStateException("boom");
                    }))
                    .hasMessage("boom");

            // then the check started without flushing
            assertThat(steps).containsExactly("check handed over");
        });
    }

    @Test
    void anExcludedPathNeitherFlushesNorStartsACheck() {
        runner.run(context -> {
            // given
            List<String> steps = context.getBean(DueHost.class).steps;
            Filter filter = filter(context.getBean("bokitTriggerFilter", FilterRegistrationBean.class));

            // when a default-excluded path is served
            filter.doFilter(
                    request("/health/liveness"), response(steps), (request, response) -> steps.add("page written"));

            // then only the page happened
            assertThat(steps).containsExactly("page written");
        });
    }

    private static Filter filter(FilterRegistrationBean<?> registration) {
        return registration.getFilter();
    }

    /** A synchronous request mapped to a path: everything else it is asked is refused. */
    private static HttpServletRequest request(String path) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, m, a) -> {
                    switch (m.getName()) {
                        case "isAsyncStarted":
                            return false;
                        case "getServletPath":
                            return path;
                        case "getPathInfo":
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    /** A response that only notes {@code flushBuffer()}. */
    private static HttpServletResponse response(List<String> steps) {
        return (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("flushBuffer")) {
                        steps.add("page flushed");
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Installed, an hour's interval never claimed (so due), and an executor that only notes the check. */
    @Configuration(proxyBeanMethods = false)
    static class DueHost {
        final List<String> steps = new CopyOnWriteArrayList<>();

        @Bean
        MutableClock clock() {
            return MutableClock.at("2026-11-28T10:00:00Z");
        }

        @Bean
        InMemoryOptions options() {
            InMemoryOptions options = new InMemoryOptions();
            options.store("install.complete", "true");
            options.store("sync.interval", "3600");
            return options;
        }

        @Bean
        InMemorySyncState syncState() {
            return new InMemorySyncState();
        }

        @Bean
        InMemoryFeedCatalog catalog() {
            return new InMemoryFeedCatalog();
        }

        @Bean
        InMemoryBookingStore bookings() {
            return new InMemoryBookingStore();
        }

        @Bean
        InMemoryFeedSource fetcher() {
            return new InMemoryFeedSource();
        }

        @Bean(BokitAutoConfiguration.EXECUTOR_BEAN)
        Executor bokitSyncExecutor() {
            return task -> steps.add("check handed over");
        }
    }
}
