package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.application.AutoSyncService;
import io.bokit.core.application.RunSettings;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.MutableClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trigger filter's order of work on the request that starts a check, with bokit's real request hook. */
class BokitTriggerFilterTest {
    private final List<String> steps = new ArrayList<>();
    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InMemoryOptions options = new InMemoryOptions();

    BokitTriggerFilterTest() {
        options.store("install.complete", "true");
        options.store("sync.interval", "3600");
    }

    @Test
    void flushesThePageBeforeTheRequestThatStartsACheckHandsItOver() throws Exception {
        // given a hook that is due, whose check executor notes when it gets the check
        BokitTriggerFilter filter = new BokitTriggerFilter(dueHook(), List.of());

        // when one request starts the check and another comes in the same refresh period
        filter.doFilterInternal(request(), response(), (request, response) -> steps.add("page written"));
        filter.doFilterInternal(request(), response(), (request, response) -> steps.add("page written"));

        // then the first page was flushed before the check was handed over, and the second not at all
        assertThat(steps).containsExactly("page written", "page flushed", "check handed over", "page written");
    }

    @Test
    void neverFlushesAPageThatThrewSoItsErrorPageCanStillBeSent() {
        // given
        BokitTriggerFilter filter = new BokitTriggerFilter(dueHook(), List.of());

        // when the page fails on the request that starts the check
        assertThatThrownBy(() -> filter.doFilterInternal(request(), response(), (request, response) -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        // then the check started without flushing
        assertThat(steps).containsExactly("check handed over");
    }

    private AutoSyncService dueHook() {
        return new AutoSyncService(
                options,
                new InMemorySyncState(),
                clock,
                lease -> {},
                new RunSettings("web-1", Duration.ofMinutes(15), Duration.ofSeconds(60)),
                task -> steps.add("check handed over"),
                Runnable::run);
    }

    /** A synchronous request: everything else it is asked is refused. */
    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, m, a) -> {
                    if (m.getName().equals("isAsyncStarted")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A response that only notes {@code flushBuffer()}. */
    private HttpServletResponse response() {
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
}
