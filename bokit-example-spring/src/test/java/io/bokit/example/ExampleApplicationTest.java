package io.bokit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The example as the docs describe it: the first page view syncs the two demo feeds, a reload shows them. */
class ExampleApplicationTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theFirstPageViewSyncsTheDemoFeedsAndAReloadShowsTheBookings() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ExampleApplication.class, RunLatch.class)
                .bannerMode(Banner.Mode.OFF)
                .run("--server.port=" + port)) {
            assertThat(page(port, "/")).contains("Bookings (0)");

            assertThat(RunLatch.SYNCED.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(RunLatch.REPORT.get().errors()).isZero();
            assertThat(app.getBean(Bokit.class).bookings().find(BookingQuery.all()))
                    .hasSize(5);
            assertThat(page(port, "/")).contains("Bookings (5)", "Maria Silva", "2026-12-14");
            assertThat(page(port, "/actuator/health")).contains("\"bokit\"");
            assertThat(page(port, "/actuator/bokit"))
                    .contains("\"installComplete\":true", "/demo/airbnb.ics", "\"errors\":0");
        }
    }

    private String page(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A SyncListener bean, as a host application would declare one: opens a latch when a run completes. Not
     * a {@code @Configuration}: the example's component scan would add it to other tests' applications too.
     */
    static class RunLatch {
        static final CountDownLatch SYNCED = new CountDownLatch(1);
        static final AtomicReference<SyncReport> REPORT = new AtomicReference<>();

        @Bean
        SyncListener runLatch() {
            return new SyncListener() {
                @Override
                public void runCompleted(SyncReport report) {
                    REPORT.set(report);
                    SYNCED.countDown();
                }
            };
        }
    }
}
