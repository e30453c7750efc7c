package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.out.SyncListener;
import io.bokit.testkit.ConnectionTrap;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.LogCapture;
import io.bokit.testkit.PlantedTokenFeeds;
import io.bokit.testkit.Thrown;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Security through the Spring adapter, in a real Tomcat: feeds registered in application properties
 * are fetched behind the SSRF guard (on by default), and a token planted in their URLs appears in no
 * log line (every logger at TRACE), exception, report, endpoint answer, health detail, metric or page.
 */
class SpringSecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN = "PLANTED-" + UUID.randomUUID();
    private static final String QUERY = "?token=" + TOKEN;
    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final BlockingQueue<SyncReport> reports = new LinkedBlockingQueue<>();
    private final SyncListener reportCollector = new SyncListener() {
        @Override
        public void runCompleted(SyncReport report) {
            reports.add(report);
        }
    };
    private LogCapture logs;

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
        if (logs != null) {
            logs.close();
        }
        System.clearProperty(LOGGING_SYSTEM);
    }

    /**
     * Sends every log event, at TRACE, to {@link #logs} instead of the console; Spring Boot is told to
     * leave logback alone (it would reset it when the application starts).
     */
    private void captureEveryLogEvent() {
        System.setProperty(LOGGING_SYSTEM, "none");
        logs = LogCapture.everyEventAtTrace();
    }

    @Test
    void feedsFromPropertiesOnInternalAddressesAreRefusedWithoutAConnectionByDefault() throws Exception {
        ConnectionTrap trap = ConnectionTrap.open();
        closeAfter.add(trap);
        LocalFeedServer outside = LocalFeedServer.start("127.0.0.2");
        closeAfter.add(outside);
        Map<String, String> feeds = trap.internalFeeds(outside, QUERY);
        feeds.put("file", "file:///etc/hostname");
        ConfigurableApplicationContext app = start(feedProperties(feeds));

        HttpResponse<String> page = get(app, "/");
        SyncReport triggered = nextReport();
        Map<String, Object> forced = syncOnceTheRunIsOver(app.getBean(BokitEndpoint.class));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(triggered.feeds()).hasSize(feeds.size()).allSatisfy(SpringSecurityTest::refused);
        assertThat(forced).containsEntry("result", "completed");
        assertThat(trap.connections()).isZero();
        assertThat(outside.requestCount("/moved.ics")).isZero();
        System.out.printf(
                "[reliability] SSRF through the Spring adapter (default guard, feeds from properties, sync by page"
                        + " view and endpoint): %d internal and file: feeds refused, %d connections to the loopback trap%n",
                triggered.feeds().size(), trap.connections());
    }

    @Test
    void anAllowedChannelThatRedirectsToLoopbackIsRefusedAtTheSecondHop() throws Exception {
        ConnectionTrap trap = ConnectionTrap.open();
        closeAfter.add(trap);
        LocalFeedServer allowed = LocalFeedServer.start("127.0.0.2");
        closeAfter.add(allowed);
        allowed.redirect("/moved.ics", trap.url("/admin" + QUERY));
        ConfigurableApplicationContext app = start(
                "bokit.http.allowed-private-addresses=127.0.0.2/32",
                "bokit.calendars.seaview.feeds.moved.url="
                        + allowed.url("/moved.ics").reveal() + QUERY);

        get(app, "/");
        SyncReport report = nextReport();

        assertThat(report.feeds()).singleElement().satisfies(SpringSecurityTest::refused);
        assertThat(report.feeds().get(0).error()).contains("127.0.0.1 resolves to a loopback address");
        assertThat(allowed.requestCount("/moved.ics")).isEqualTo(1);
        assertThat(trap.connections()).isZero();
    }

    @Test
    void thePlantedTokenIsInNoLogExceptionReportEndpointHealthMetricOrPage() throws Exception {
        LocalFeedServer server = LocalFeedServer.start();
        closeAfter.add(server);
        Map<String, String> feeds = PlantedTokenFeeds.serve(server, QUERY);
        List<String> properties = new ArrayList<>(feedProperties(feeds));
        properties.add("bokit.http.allowed-private-addresses=127.0.0.1/32");
        captureEveryLogEvent();
        StringBuilder seen = new StringBuilder();

        ConfigurableApplicationContext app = start(properties.toArray(String[]::new));
        Bokit bokit = app.getBean(Bokit.class);
        BokitEndpoint endpoint = app.getBean(BokitEndpoint.class);
        HttpResponse<String> page = get(app, "/");
        SyncReport first = nextReport();
        seen.append(page.headers().map()).append(page.body());
        seen.append(first).append(first.feeds());
        seen.append(endpoint.sync()).append(endpoint.status());
        seen.append(endpoint.option("sync.interval", "60").getBody());
        HttpResponse<String> failingPage = get(app, "/boom");
        seen.append(failingPage.statusCode()).append(failingPage.body());
        Health health = app.getBean(BokitHealthIndicator.class).health();
        seen.append(health.getStatus()).append(health.getDetails());
        seen.append(bokit.status().status()).append(bokit.health()).append(bokit.lastReport());
        seen.append(bokit.feeds().feeds());
        app.getBean(MeterRegistry.class).getMeters().forEach(meter -> seen.append(meter.getId())
                .append(meter.measure()));
        seen.append(Thrown.trace(() -> bokit.feeds()
                .addFeed(new AddFeedCommand(
                        CalendarKey.of("seaview"), FeedId.of("ok"), FeedUrl.parse(feeds.get("ok")), null))));
        seen.append(Thrown.trace(() -> bokit.feeds()
                .addFeed(new AddFeedCommand(CalendarKey.of("nowhere"), null, FeedUrl.parse(feeds.get("ok")), null))));
        seen.append(Thrown.trace(() -> FeedUrl.parse("htp://example.com/x.ics" + QUERY)));
        app.close();
        String logged = logs.text();

        assertThat(first.feed(FeedId.of("ok")).orElseThrow().outcome()).isEqualTo(FeedOutcome.SYNCED);
        assertThat(first.errors()).isEqualTo(feeds.size() - 1);
        assertThat(seen.toString())
                .contains("?…", "HTTP 404", "HTTP 500", "refused: 169.254.169.254", "could not connect")
                .doesNotContain(TOKEN);
        assertThat(logged).contains("[SyncJob]", "?…", "DEBUG").doesNotContain(TOKEN);
        System.out.printf(
                "[reliability] planted token, Spring adapter: %d bytes / %d lines of logs (%d events at TRACE),"
                        + " %d bytes of reports, endpoint, health, metrics, pages and exceptions scanned,"
                        + " 0 occurrences%n",
                logged.getBytes(StandardCharsets.UTF_8).length,
                logged.lines().count(),
                logs.events(),
                seen.toString().getBytes(StandardCharsets.UTF_8).length);
    }

    private static void refused(FeedResult result) {
        assertThat(result.outcome()).as(result.feed().value()).isEqualTo(FeedOutcome.FAILED);
        assertThat(result.error())
                .as(result.feed().value())
                .startsWith("refused: ")
                .doesNotContain(TOKEN);
    }

    private static List<String> feedProperties(Map<String, String> feeds) {
        List<String> properties = new ArrayList<>();
        for (Map.Entry<String, String> feed : feeds.entrySet()) {
            String prefix = "bokit.calendars.seaview.feeds." + feed.getKey();
            properties.add(prefix + ".name=" + feed.getKey());
            properties.add(prefix + ".url=" + feed.getValue());
        }
        return properties;
    }

    /**
     * A forced sync through the endpoint once the page-triggered run has let go of its lease: the
     * report reaches the listeners just before the lease is released.
     */
    private static Map<String, Object> syncOnceTheRunIsOver(BokitEndpoint endpoint) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Object> result = endpoint.sync();
        while ("busy".equals(result.get("result")) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            result = endpoint.sync();
        }
        return result;
    }

    private SyncReport nextReport() throws InterruptedException {
        SyncReport report = reports.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(report).as("a run completed").isNotNull();
        return report;
    }

    private ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "bokit.install-complete=true",
                "management.endpoints.web.exposure.include=bokit",
                "management.endpoint.bokit.access=unrestricted",
                "bokit.calendars.seaview.name=Sea View"));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SecuredApp.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("reportCollector", reportCollector);
                    ctx.getBeanFactory().registerSingleton("meterRegistry", new SimpleMeterRegistry());
                })
                .properties(all.toArray(String[]::new))
                .run();
        closeAfter.add(context);
        return context;
    }

    private ConfigurableApplicationContext start(List<String> properties) {
        return start(properties.toArray(String[]::new));
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String path)
            throws IOException, InterruptedException {
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The host application: one page, one failing page, bokit with its endpoint, health and metrics. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        BokitMetricsAutoConfiguration.class,
        BokitAutoConfiguration.class,
        BokitActuatorAutoConfiguration.class
    })
    @RestController
    static class SecuredApp {
        @GetMapping("/")
        String page() {
            return "<h1>a page</h1>";
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("this page fails on its own");
        }
    }
}
