package io.bokit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.SyncListener;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A token planted in feed URLs appears in none of what the example application shows over HTTP — its
 * pages, and the actuator's {@code bokit} endpoint (read, sync, option), health, metrics, env and
 * configprops — nor in its console log with every logger at TRACE.
 */
class ActuatorSecretsTest {
    private static final String TOKEN = "PLANTED-" + UUID.randomUUID();
    private static final String QUERY = "?token=" + TOKEN;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void thePlantedTokenIsInNoPageNoActuatorAnswerAndNoLogLine() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        // the planted feeds live on a channel server of their own: a server logs the requests it receives
        LocalFeedServer channel = LocalFeedServer.start("127.0.0.2");
        LocalDate soon = LocalDate.now().plusDays(3);
        channel.serve(
                "/ok.ics",
                ICalFeedBuilder.airbnb()
                        .reserved("R1@airbnb.com", soon, soon.plusDays(2))
                        .build());
        channel.fail("/gone.ics", 404);
        List<String> args = List.of(
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--logging.level.root=TRACE",
                "--management.endpoints.web.exposure.include=health,bokit,metrics,env,configprops,info",
                "--management.endpoint.bokit.access=unrestricted",
                "--bokit.http.allowed-private-addresses=127.0.0.1/32,127.0.0.2/32",
                // feeds from the command line join application.properties' two demo feeds
                "--bokit.calendars.seaview.feeds.planted-ok.url="
                        + channel.url("/ok.ics").reveal() + QUERY,
                "--bokit.calendars.seaview.feeds.planted-gone.url="
                        + channel.url("/gone.ics").reveal() + QUERY,
                "--bokit.calendars.seaview.feeds.planted-refused.url=http://169.254.169.254/latest/meta-data/" + QUERY,
                "--bokit.calendars.seaview.feeds.planted-unreachable.url=http://127.0.0.1:" + freePort() + "/cal.ics"
                        + QUERY);
        List<String> answers = new ArrayList<>();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        SyncReport report;
        Reports.QUEUE.clear();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ExampleApplication.class, Reports.class)
                .bannerMode(Banner.Mode.OFF)
                .run(args.toArray(String[]::new))) {
            answers.add(get(base + "/"));
            report = Reports.QUEUE.poll(30, TimeUnit.SECONDS);
            for (String path : List.of(
                    "/",
                    "/hello",
                    "/actuator",
                    "/actuator/health",
                    "/actuator/bokit",
                    "/actuator/metrics",
                    "/actuator/metrics/bokit.sync.feed.failures",
                    "/actuator/metrics/bokit.sync.runs",
                    "/actuator/env",
                    "/actuator/configprops",
                    "/actuator/info")) {
                answers.add(get(base + path));
            }
            answers.add(post(base + "/actuator/bokit", "{}"));
            answers.add(post(base + "/actuator/bokit/sync.interval", "{\"value\":\"300\"}"));
            answers.add(get(base + "/actuator/bokit"));
        } finally {
            System.setOut(out);
            System.setErr(err);
            channel.close();
        }
        String http = String.join("\n", answers);
        // the channel's server runs in this JVM too and logs the requests it receives: those lines are the
        // channel's, not the application's
        String logged = console.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.contains(" com.sun.net.httpserver "))
                .collect(Collectors.joining("\n"));

        assertThat(report).as("the first page view ran a sync").isNotNull();
        assertThat(report.errors()).isEqualTo(3);
        assertThat(http)
                .contains("\"planted-ok\"", "/ok.ics?…", "HTTP 404", "refused: 169.254.169.254")
                .contains("bokit.sync.feed.failures", "\"result\":\"completed\"")
                .doesNotContain(TOKEN);
        assertThat(logged).contains("TRACE", "[SyncJob]").doesNotContain(TOKEN);
        System.out.printf(
                "[reliability] planted token, Spring example over HTTP: %d answers (%d bytes) from pages and"
                        + " actuator endpoints, %d bytes / %d lines of console log at TRACE scanned, 0 occurrences%n",
                answers.size(),
                http.getBytes(StandardCharsets.UTF_8).length,
                logged.getBytes(StandardCharsets.UTF_8).length,
                logged.lines().count());
    }

    private String get(String url) throws IOException, InterruptedException {
        return answer(HttpRequest.newBuilder(URI.create(url)).build());
    }

    private String post(String url, String json) throws IOException, InterruptedException {
        return answer(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private String answer(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri().getPath()).isLessThan(300);
        return request.uri().getPath() + " " + response.statusCode() + " "
                + response.headers().map() + "\n" + response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Hands every completed run's report to the test. Not a {@code @Configuration}: the example's
     * component scan would then add it to every other test's application too; as a source it is this
     * application's alone.
     */
    static class Reports {
        static final BlockingQueue<SyncReport> QUEUE = new LinkedBlockingQueue<>();

        @Bean
        SyncListener reportQueue() {
            return new SyncListener() {
                @Override
                public void runCompleted(SyncReport report) {
                    QUEUE.add(report);
                }
            };
        }
    }
}
