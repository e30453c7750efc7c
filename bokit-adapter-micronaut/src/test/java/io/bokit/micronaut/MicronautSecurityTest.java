package io.bokit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.testkit.ConnectionTrap;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.LogCapture;
import io.bokit.testkit.PlantedTokenFeeds;
import io.bokit.testkit.Thrown;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Security through the Micronaut adapter, on a real server: feeds registered in configuration are
 * fetched behind the SSRF guard (on by default), and a token planted in their URLs appears in no log
 * line (every logger at TRACE, Micronaut's own included), exception, report, management endpoint
 * answer, health or metric.
 */
class MicronautSecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN = "PLANTED-" + UUID.randomUUID();
    private static final String QUERY = "?token=" + TOKEN;
    /** The logger of Micronaut's running environment: at TRACE it prints every placeholder value it resolves. */
    private static final String ENVIRONMENT_LOGGER =
            "io.micronaut.context.DefaultApplicationContext$RuntimeConfiguredEnvironment";

    private final HttpClient client = HttpClient.newHttpClient();
    private final RunCounter runs = new RunCounter();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private LogCapture logs;

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    @Test
    void feedsFromConfigurationOnInternalAddressesAreRefusedWithoutAConnectionByDefault() throws Exception {
        ConnectionTrap trap = open(ConnectionTrap.open());
        LocalFeedServer outside = open(LocalFeedServer.start("127.0.0.2"));
        Map<String, String> feeds = trap.internalFeeds(outside, QUERY);
        feeds.put("file", "file:///etc/hostname");
        EmbeddedServer server = start(app(feeds));

        HttpResponse<String> page = send(HttpRequest.newBuilder(server.getURI().resolve("/page")));
        SyncReport triggered = nextReport();
        HttpResponse<String> forced = post(server, "/bokit");

        assertThat(page.statusCode()).isEqualTo(201);
        assertThat(triggered.feeds()).hasSize(feeds.size()).allSatisfy(MicronautSecurityTest::refused);
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(forced.body()).contains("\"result\":\"completed\"");
        assertThat(trap.connections()).isZero();
        assertThat(outside.requestCount("/moved.ics")).isZero();
        System.out.printf(
                "[reliability] SSRF through the Micronaut adapter (default guard, feeds from configuration, sync by"
                        + " page view and endpoint): %d internal and file: feeds refused, %d connections to the loopback trap%n",
                triggered.feeds().size(), trap.connections());
    }

    @Test
    void anAllowedChannelThatRedirectsToLoopbackIsRefusedAtTheSecondHop() throws Exception {
        ConnectionTrap trap = open(ConnectionTrap.open());
        LocalFeedServer allowed = open(LocalFeedServer.start("127.0.0.2"));
        allowed.redirect("/moved.ics", trap.url("/admin" + QUERY));
        EmbeddedServer server =
                start(app(Map.of("moved", allowed.url("/moved.ics").reveal() + QUERY))
                        .with("bokit.http.allowed-private-addresses", "127.0.0.2/32"));

        send(HttpRequest.newBuilder(server.getURI().resolve("/page")));
        SyncReport report = nextReport();

        assertThat(report.feeds()).singleElement().satisfies(MicronautSecurityTest::refused);
        assertThat(report.feeds().get(0).error()).contains("127.0.0.1 resolves to a loopback address");
        assertThat(allowed.requestCount("/moved.ics")).isEqualTo(1);
        assertThat(trap.connections()).isZero();
    }

    @Test
    void thePlantedTokenIsInNoLogExceptionReportEndpointHealthOrMetric() throws Exception {
        LocalFeedServer channel = open(LocalFeedServer.start());
        Map<String, String> feeds = PlantedTokenFeeds.serve(channel, QUERY);
        MeterRegistry meters = new SimpleMeterRegistry();
        captureEveryLogEvent();
        StringBuilder seen = new StringBuilder();

        EmbeddedServer server = start(app(feeds)
                .with("bokit.http.allowed-private-addresses", "127.0.0.1/32")
                .with("endpoints.health.details-visible", "ANONYMOUS")
                .withBean(meters));
        Bokit bokit = server.getApplicationContext().getBean(Bokit.class);
        HttpResponse<String> page = send(HttpRequest.newBuilder(server.getURI().resolve("/page")));
        SyncReport first = nextReport();
        seen.append(page.headers().map()).append(page.body());
        seen.append(first).append(first.feeds());
        for (HttpResponse<String> answer : List.of(
                post(server, "/bokit"),
                send(HttpRequest.newBuilder(server.getURI().resolve("/bokit"))),
                send(HttpRequest.newBuilder(server.getURI().resolve("/health"))),
                send(HttpRequest.newBuilder(server.getURI().resolve("/no-such-page"))))) {
            seen.append(answer.statusCode()).append(answer.headers().map()).append(answer.body());
        }
        seen.append(bokit.status().status()).append(bokit.health()).append(bokit.lastReport());
        seen.append(bokit.feeds().feeds());
        meters.getMeters().forEach(meter -> seen.append(meter.getId()).append(meter.measure()));
        seen.append(Thrown.trace(() -> bokit.feeds()
                .addFeed(new AddFeedCommand(
                        CalendarKey.of("seaview"), FeedId.of("ok"), FeedUrl.parse(feeds.get("ok")), null))));
        seen.append(Thrown.trace(() -> bokit.feeds()
                .addFeed(new AddFeedCommand(CalendarKey.of("nowhere"), null, FeedUrl.parse(feeds.get("ok")), null))));
        seen.append(Thrown.trace(() -> FeedUrl.parse("htp://example.com/x.ics" + QUERY)));
        server.getApplicationContext().close();
        String logged = logs.text();

        assertThat(first.feed(FeedId.of("ok")).orElseThrow().outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(first.errors()).isEqualTo(feeds.size() - 1);
        assertThat(seen.toString())
                .contains("?…", "HTTP 404", "HTTP 500", "refused: 169.254.169.254", "could not connect")
                .doesNotContain(TOKEN);
        assertThat(logged)
                .contains("[SyncJob]", "?…", "DEBUG")
                .contains("TRACE io.micronaut.inject - ", "bokit.calendars.seaview.feeds.ok") // the traces were on
                .doesNotContain(TOKEN);
        System.out.printf(
                "[reliability] planted token, Micronaut adapter: %d bytes / %d lines of logs (%d events at TRACE),"
                        + " %d bytes of reports, endpoint and health answers, metrics and exceptions scanned,"
                        + " 0 occurrences%n",
                logged.getBytes(StandardCharsets.UTF_8).length,
                logged.lines().count(),
                logs.events(),
                seen.toString().getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * The documented limit, pinned down: Micronaut's environment traces every placeholder value it
     * resolves, and nothing else (bokit included) shows a URL given that way. If Micronaut stops
     * tracing these values, this fails: then drop the limit from micronaut.md and reliability.md.
     */
    @Test
    void aUrlGivenThroughAnEnvironmentVariablePlaceholderIsPrintedOnlyByTheEnvironmentsOwnTrace() throws Exception {
        LocalFeedServer channel = open(LocalFeedServer.start());
        channel.serve("/ok.ics", ICalFeedBuilder.airbnb().build());
        captureEveryLogEvent();

        EmbeddedServer server = start(app(Map.of())
                .with("bokit.calendars.seaview.feeds.ok.url", "${SEAVIEW_OK_URL}")
                .withEnvironmentVariable(
                        "SEAVIEW_OK_URL", channel.url("/ok.ics").reveal() + QUERY)
                .with("bokit.http.allowed-private-addresses", "127.0.0.1/32"));
        HttpResponse<String> forced = post(server, "/bokit");
        server.getApplicationContext().close();
        List<String> leaking =
                logs.text().lines().filter(line -> line.contains(TOKEN)).toList();

        assertThat(forced.body()).contains("\"errors\":0").doesNotContain(TOKEN);
        assertThat(channel.requestCount("/ok.ics")).isEqualTo(1);
        assertThat(leaking).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("TRACE " + ENVIRONMENT_LOGGER + " - Resolved value [")
                .endsWith("for property: SEAVIEW_OK_URL"));
    }

    private TestApp app(Map<String, String> feeds) {
        TestApp app = TestApp.withDatabase()
                .with("micronaut.server.port", -1)
                .with(TestPages.ENABLED, true)
                .with("endpoints.bokit.sensitive", false)
                .with("bokit.install-complete", true)
                .withBean(runs);
        feeds.forEach((id, url) -> app.with("bokit.calendars.seaview.feeds." + id + ".url", url));
        return app;
    }

    private EmbeddedServer start(TestApp app) {
        ApplicationContext context = open(app.run());
        return open(context.getBean(EmbeddedServer.class).start());
    }

    private <T extends AutoCloseable> T open(T resource) {
        closeAfter.add(resource);
        return resource;
    }

    /**
     * Sends every log event, at TRACE, to {@link #logs} instead of the console: Micronaut's bean
     * resolution trace ({@code io.micronaut.inject}, which prints every value it injects into a bean)
     * and its environment's property trace included.
     */
    private void captureEveryLogEvent() {
        logs = LogCapture.everyEventAtTrace();
    }

    private static void refused(FeedResult result) {
        assertThat(result.outcome()).as(result.feed().value()).isEqualTo(FeedOutcome.FAILED);
        assertThat(result.error())
                .as(result.feed().value())
                .startsWith("refused: ")
                .doesNotContain(TOKEN);
    }

    private SyncReport nextReport() throws InterruptedException {
        int before = runs.reports().size();
        assertThat(runs.awaitRuns(1, WAIT)).as("a run completed").isTrue();
        return runs.reports().get(before);
    }

    private HttpResponse<String> post(EmbeddedServer server, String path) throws Exception {
        return send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
