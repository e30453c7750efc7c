package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A real Tomcat on a random port, bokit auto-configured over H2, and feeds served from 127.0.0.1. */
class TriggerIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FEED = ICalFeedBuilder.airbnb()
            .reserved("r1@airbnb.com", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 5))
            .reserved("r2@airbnb.com", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 4))
            .build();

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicReference<SyncReport> lastReport = new AtomicReference<>();
    private volatile CountDownLatch nextRun = new CountDownLatch(1);

    /** Counts finished runs and opens {@link #nextRun}. */
    private final SyncListener runCounter = new SyncListener() {
        @Override
        public void runCompleted(SyncReport report) {
            lastReport.set(report);
            runs.incrementAndGet();
            nextRun.countDown();
        }
    };

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    @Test
    void thePageArrivesWhileTheFeedRequestIsStillHeld() throws Exception {
        LocalFeedServer feeds = feedServer();
        LocalFeedServer.Hold hold = feeds.hold("/held.ics", FEED);
        ConfigurableApplicationContext app = start(
                database(),
                List.of(runCounter),
                "bokit.calendars.seaview.feeds.seaview-airbnb.url="
                        + feeds.url("/held.ics").reveal());

        HttpResponse<String> page = get(app, "/");

        // the page is here, and the hold has not been released: the page did not wait for the feed
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("a page");
        assertThat(hold.awaitArrivals(1, WAIT)).isTrue();
        assertThat(nextRun.getCount()).as("the run waits for the held feed").isEqualTo(1);
        assertThat(get(app, "/").statusCode()).isEqualTo(200);

        hold.release();
        assertThat(nextRun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(bokit(app).bookings().find(BookingQuery.all())).hasSize(2);
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void twoHundredConcurrentRequestsOnTwoNodesStartExactlyOneRun() throws Exception {
        LocalFeedServer feeds = feedServer();
        String url = "bokit.calendars.seaview.feeds.seaview-airbnb.url="
                + feeds.serve("/seaview.ics", FEED).reveal();
        String database = database();
        ConfigurableApplicationContext nodeA = start(database, List.of(runCounter), url);
        ConfigurableApplicationContext nodeB = start(database, List.of(runCounter), url);
        assertThat(bokit(nodeB).feeds().feeds()).hasSize(1);
        assertThat(get(nodeA, "/").statusCode()).isEqualTo(200);
        assertThat(nextRun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        nextRun = new CountDownLatch(1);

        Instant due = clock.advance(Duration.ofSeconds(3601));
        List<Integer> statuses = concurrently(200, i -> get(i % 2 == 0 ? nodeA : nodeB, "/"));

        assertThat(statuses).hasSize(200).containsOnly(200);
        assertThat(nextRun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // the clock stands still from here, so no later check can find the sync due again
        assertThat(runs.get()).isEqualTo(2);
        assertThat(bokit(nodeA).status().status().lastClaim()).isEqualTo(due);
        assertThat(feeds.requestCount("/seaview.ics")).isEqualTo(2);
    }

    @Test
    void aSyncThatThrowsLeavesEveryPageAt200() throws Exception {
        ICalFeedPort throwing = request -> {
            throw new IllegalStateException("the fetcher exploded");
        };
        SyncListener throwingListener = new SyncListener() {
            @Override
            public void runCompleted(SyncReport report) {
                throw new IllegalStateException("the listener exploded");
            }
        };
        ConfigurableApplicationContext app = start(
                database(),
                List.of(throwing, throwingListener, runCounter),
                "bokit.calendars.seaview.feeds.seaview-airbnb.url=https://www.airbnb.com/calendar/ical/1.ics?s=token");

        for (int i = 0; i < 20; i++) {
            assertThat(get(app, "/").statusCode()).isEqualTo(200);
            assertThat(get(app, "/boom").statusCode()).isEqualTo(500);
        }
        assertThat(nextRun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(lastReport.get().errors())
                .as("the fetcher's exception is the feed's error")
                .isEqualTo(1);
        assertThat(get(app, "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aHangingSyncNeverHoldsAPageOrARequestThread() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        CountDownLatch fetching = new CountDownLatch(1);
        ICalFeedPort hanging = request -> {
            fetching.countDown();
            try {
                unblock.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ICalFeedPort.Content(FEED, null, null);
        };
        closeAfter.add(unblock::countDown);
        ConfigurableApplicationContext app = start(
                database(),
                List.of(hanging, runCounter),
                "bokit.executor.threads=1",
                "bokit.executor.queue-capacity=1",
                "bokit.calendars.seaview.feeds.seaview-airbnb.url=https://www.airbnb.com/calendar/ical/1.ics?s=token");

        assertThat(get(app, "/").statusCode()).isEqualTo(200);
        assertThat(fetching.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(3601)); // every request may now try to start another run
            assertThat(get(app, "/").statusCode()).isEqualTo(200);
        }
        List<Integer> statuses = concurrently(100, i -> get(app, "/"));
        assertThat(statuses).containsOnly(200);
        assertThat(runs.get()).isZero();

        unblock.countDown();
        assertThat(nextRun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNewIntervalFromTheDatabaseOrTheEndpointTakesEffectWithoutRestart() throws Exception {
        LocalFeedServer feeds = feedServer();
        ConfigurableApplicationContext app = start(
                database(),
                List.of(runCounter),
                "management.endpoints.web.exposure.include=bokit",
                "bokit.default-interval=1h",
                "bokit.calendars.seaview.feeds.seaview-airbnb.url="
                        + feeds.serve("/seaview.ics", FEED).reveal());
        assertThat(get(app, "/").statusCode()).isEqualTo(200);
        assertThat(nextRun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Instant firstClaim = bokit(app).status().status().lastClaim();

        // another node, the CLI or an operator changes the interval in the database
        try (Connection connection = app.getBean(DataSource.class).getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE bokit_option SET option_value = '60' WHERE option_key = 'sync.interval'")) {
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        clock.advance(Duration.ofSeconds(60));
        browseUntilTheNextRun(app);
        Instant secondClaim = bokit(app).status().status().lastClaim();
        assertThat(Duration.between(firstClaim, secondClaim)).isLessThan(Duration.ofSeconds(3600));

        app.getBean(BokitEndpoint.class).option("sync.interval", "30");
        clock.advance(Duration.ofSeconds(30));
        browseUntilTheNextRun(app);
        Instant thirdClaim = bokit(app).status().status().lastClaim();
        assertThat(Duration.between(secondClaim, thirdClaim)).isLessThan(Duration.ofSeconds(60));
        assertThat(runs.get()).isEqualTo(3);
    }

    @Test
    void excludedPathsNeverTrigger() throws Exception {
        LocalFeedServer feeds = feedServer();
        ConfigurableApplicationContext app = start(
                database(),
                List.of(runCounter),
                "bokit.calendars.seaview.feeds.seaview-airbnb.url="
                        + feeds.serve("/seaview.ics", FEED).reveal());

        assertThat(get(app, "/static/app.css").statusCode()).isEqualTo(404);
        assertThat(get(app, "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(app, "/img/logo.png").statusCode()).isEqualTo(404);
        // the next page view is the first to reach the hook: the sync has not been claimed yet
        assertThat(bokit(app).status().status().lastClaim()).isNull();

        assertThat(get(app, "/").statusCode()).isEqualTo(200);
        assertThat(nextRun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Views pages, moving the clock by a little each time, until the next run completes. */
    private void browseUntilTheNextRun(ConfigurableApplicationContext app) throws Exception {
        nextRun = new CountDownLatch(1);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!nextRun.await(20, TimeUnit.MILLISECONDS)) {
            assertThat(System.nanoTime()).as("a run within %s", WAIT).isLessThan(deadline);
            clock.advance(Duration.ofMillis(200));
            assertThat(get(app, "/").statusCode()).isEqualTo(200);
        }
    }

    private LocalFeedServer feedServer() {
        LocalFeedServer server = LocalFeedServer.start();
        closeAfter.add(server);
        return server;
    }

    private static String database() {
        return "jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private ConfigurableApplicationContext start(String databaseUrl, List<Object> beans, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + databaseUrl,
                "bokit.db-time=false",
                "bokit.install-complete=true",
                "bokit.refresh-period=100ms",
                "bokit.http.allowed-private-addresses=127.0.0.1/32",
                "bokit.calendars.seaview.name=Sea View"));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PageApp.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("testClock", clock);
                    for (int i = 0; i < beans.size(); i++) {
                        ctx.getBeanFactory().registerSingleton("testBean" + i, beans.get(i));
                    }
                })
                .properties(all.toArray(String[]::new))
                .run();
        closeAfter.add(context);
        return context;
    }

    private static Bokit bokit(ConfigurableApplicationContext app) {
        return app.getBean(Bokit.class);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String path)
            throws IOException, InterruptedException {
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code count} requests from 50 threads released at once; returns their statuses. */
    private static List<Integer> concurrently(int count, Page page) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return page.view(index).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Page {
        HttpResponse<String> view(int index) throws Exception;
    }

    /** The host application: one page, one failing page. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        BokitAutoConfiguration.class,
        BokitActuatorAutoConfiguration.class
    })
    @RestController
    static class PageApp {
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
