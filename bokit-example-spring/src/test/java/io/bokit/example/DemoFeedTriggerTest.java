package io.bokit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.port.in.AutoSyncUseCase;
import io.bokit.spring.BokitProperties;
import io.bokit.spring.BokitTriggerFilter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The example's own demo feeds are not page views: fetching {@code /demo/*.ics} (which the sync itself does)
 * never calls bokit's request hook, while a page does. The hook is the real one, counted on the request thread
 * before it runs, behind the adapter's filter built from the example's {@code bokit.trigger.excluded-paths}.
 */
class DemoFeedTriggerTest {
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void fetchingTheDemoFeedsDoesNotTriggerButAPageDoes() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        ExampleApplication.class, CountingTrigger.class)
                .bannerMode(Banner.Mode.OFF)
                .run(
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:mem:trigger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            // when the demo feeds and an actuator page are fetched
            status(port, "/demo/airbnb.ics");
            status(port, "/demo/booking.ics");
            status(port, "/actuator/health");

            // then the hook was not called
            assertThat(CountingTrigger.CALLS.get()).isZero();

            // and a page of the application calls it
            status(port, "/hello");
            assertThat(CountingTrigger.CALLS.get()).isEqualTo(1);
            // and the example keeps the adapter's default exclusions beside its own
            assertThat(app.getBean(BokitProperties.class).getTrigger().getExcludedPaths())
                    .containsAll(BokitProperties.Trigger.DEFAULT_EXCLUDED_PATHS);
        }
    }

    private void status(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The adapter's filter, registered under its bean name (the auto-configuration's backs off), over the real
     * hook with a counter in front. The filter calls the hook before the response completes, so the count is
     * final when the client has the answer. Not a {@code @Configuration}: the example's component scan would
     * add it to the other tests' applications.
     */
    static class CountingTrigger {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Bean
        FilterRegistrationBean<BokitTriggerFilter> bokitTriggerFilter(Bokit bokit, BokitProperties properties) {
            AutoSyncUseCase real = bokit.autoSync();
            AutoSyncUseCase counted = new AutoSyncUseCase() {
                @Override
                public void onRequest() {
                    CALLS.incrementAndGet();
                    real.onRequest();
                }

                @Override
                public void onRequest(Runnable beforeCheck) {
                    CALLS.incrementAndGet();
                    real.onRequest(beforeCheck);
                }

                @Override
                public void refreshSoon() {
                    real.refreshSoon();
                }
            };
            FilterRegistrationBean<BokitTriggerFilter> registration = new FilterRegistrationBean<>(
                    new BokitTriggerFilter(counted, properties.getTrigger().getExcludedPaths()));
            registration.setName("bokitTriggerFilter");
            registration.setOrder(Integer.MIN_VALUE + 10); // Ordered.HIGHEST_PRECEDENCE + 10, as the adapter's
            return registration;
        }
    }
}
