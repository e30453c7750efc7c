package io.bokit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each of the properties that shape fetching and the executor takes effect. */
class BokitPropertiesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FEED = ICalFeedBuilder.airbnb()
            .reserved("b1", LocalDate.now().plusDays(10), LocalDate.now().plusDays(14))
            .build();

    @Test
    void maxBodySizeTakesADataSizeAndCapsTheFeedsBody() {
        try (LocalFeedServer channel = LocalFeedServer.start();
                ApplicationContext context = TestApp.withDatabase()
                        .with("bokit.http.max-body-size", "1KB")
                        .with("bokit.http.allowed-private-addresses", "127.0.0.1/32")
                        .with(
                                "bokit.calendars.seaview.feeds.big.url",
                                channel.serve("/big.ics", FEED + " ".repeat(2048))
                                        .reveal()
                                        .toString())
                        .run()) {
            assertThat(context.getBean(BokitConfiguration.class).getHttp().getMaxBodySize())
                    .hasValue(1024L);

            SyncReport report = syncNow(context.getBean(Bokit.class));

            assertThat(report.feed(FeedId.of("big")).orElseThrow().error()).contains("body exceeds 1024 bytes");
        }
    }

    @Test
    void allowedPrivateAddressesLetsALoopbackChannelPastTheSsrfGuard() {
        try (LocalFeedServer channel = LocalFeedServer.start()) {
            String url = channel.serve("/seaview.ics", FEED).reveal().toString();
            SyncReport refused;
            SyncReport allowed;
            try (ApplicationContext context = TestApp.withDatabase()
                    .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", url)
                    .run()) {
                refused = syncNow(context.getBean(Bokit.class));
            }
            try (ApplicationContext context = TestApp.withDatabase()
                    .with("bokit.http.allowed-private-addresses", "127.0.0.0/8")
                    .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", url)
                    .run()) {
                allowed = syncNow(context.getBean(Bokit.class));
            }

            assertThat(refused.feeds()).singleElement().satisfies(feed -> assertThat(feed.error())
                    .startsWith("refused: "));
            assertThat(allowed.feeds()).singleElement().satisfies(feed -> assertThat(feed.outcome())
                    .isEqualTo(FeedOutcome.SYNCED));
            assertThat(channel.requestCount("/seaview.ics")).isEqualTo(1);
        }
    }

    @Test
    void parallelHostsOfOneFetchesOneChannelHostAtATime() throws Exception {
        try (LocalFeedServer first = LocalFeedServer.start("127.0.0.1");
                LocalFeedServer second = LocalFeedServer.start("127.0.0.2")) {
            LocalFeedServer.Hold firstHold = first.hold("/a.ics", FEED);
            LocalFeedServer.Hold secondHold = second.hold("/b.ics", FEED);
            try (ApplicationContext context = TestApp.withDatabase()
                    .with("bokit.parallel-hosts", 1)
                    .with("bokit.http.allowed-private-addresses", "127.0.0.0/8")
                    .with(
                            "bokit.calendars.seaview.feeds.a.url",
                            first.url("/a.ics").reveal().toString())
                    .with(
                            "bokit.calendars.seaview.feeds.b.url",
                            second.url("/b.ics").reveal().toString())
                    .run()) {
                Bokit bokit = context.getBean(Bokit.class);
                CompletableFuture<SyncReport> run = CompletableFuture.supplyAsync(() -> syncNow(bokit));

                LocalFeedServer.Hold started = awaitEither(firstHold, secondHold);
                LocalFeedServer.Hold other = started == firstHold ? secondHold : firstHold;
                int otherArrivalsWhileTheFirstHostIsHeld = other.arrivals();
                started.release();
                boolean otherArrived = other.awaitArrivals(1, WAIT);
                other.release();

                assertThat(otherArrivalsWhileTheFirstHostIsHeld).isZero();
                assertThat(otherArrived).isTrue();
                assertThat(run.get(WAIT.toSeconds(), TimeUnit.SECONDS).errors()).isZero();
            }
        }
    }

    @Test
    void aParallelHostsOutOfRangeFailsTheStartupNamingTheProperty() {
        assertThatThrownBy(() -> TestApp.withDatabase()
                        .with("bokit.parallel-hosts", 0)
                        .run()
                        .close())
                .hasStackTraceContaining("Invalid bokit.parallel-hosts");
    }

    @Test
    void anExcludedPathWithATemplateVariableFailsTheStartupNamingThePattern() {
        assertThatThrownBy(() -> TestApp.withDatabase()
                        .with("bokit.trigger.excluded-paths", List.of("/health/**", "/users/{id}"))
                        .run()
                        .close())
                .hasStackTraceContaining("Path pattern /users/{id}")
                .hasStackTraceContaining("not supported");
    }

    @Test
    void theExecutorPropertiesReachTheHost() {
        try (ApplicationContext context = TestApp.withDatabase()
                .with("bokit.executor.threads", 1)
                .with("bokit.executor.queue-capacity", 1)
                .with("bokit.executor.shutdown-timeout", "100ms")
                .run()) {
            BokitSettings settings = context.getBean(BokitHost.class).settings();

            assertThat(settings.executorThreads()).isEqualTo(1);
            assertThat(settings.executorQueueCapacity()).isEqualTo(1);
            assertThat(settings.executorShutdownTimeout()).isEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void theDatabaseMaxConnectionsReachTheHostAndAnOutOfRangeValueFailsTheStartup() {
        try (ApplicationContext context =
                TestApp.withDatabase().with("bokit.database.max-connections", 3).run()) {
            assertThat(context.getBean(BokitHost.class).settings().databaseMaxConnections())
                    .isEqualTo(3);
        }
        assertThatThrownBy(() -> TestApp.withDatabase()
                        .with("bokit.database.max-connections", 0)
                        .run()
                        .close())
                .hasStackTraceContaining("Invalid bokit.database.max-connections: must be 1 to 64, was 0");
    }

    @Test
    void closingTheContextStopsTheHostsExecutorWithinTheShutdownTimeout() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        ICalFeedPort stuck = request -> {
            running.countDown();
            try {
                new CountDownLatch(1).await(); // a fetch stuck for ever
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            throw new IllegalStateException("interrupted");
        };
        ApplicationContext context = TestApp.withDatabase()
                .with("bokit.install-complete", true)
                .with("bokit.executor.shutdown-timeout", "100ms")
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", "https://www.airbnb.com/1.ics")
                .withBean(stuck)
                .run();
        context.getBean(BokitHost.class).trigger().afterResponse("/page"); // the check and the run go to the executor
        assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        context.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);

        assertThat(interrupted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(closing).isLessThan(Duration.ofSeconds(10)); // the default would have waited 30 seconds
    }

    @Test
    void anExecutorOutOfRangeFailsTheStartupNamingTheProperty() {
        assertThatThrownBy(() -> TestApp.withDatabase()
                        .with("bokit.executor.threads", 0)
                        .run()
                        .close())
                .hasStackTraceContaining("Invalid bokit.executor.threads: must be 1 to 64, was 0");
    }

    private static SyncReport syncNow(Bokit bokit) {
        SyncResult result = bokit.sync().sync(SyncCommand.forceAll());
        assertThat(result).isInstanceOf(SyncResult.Completed.class);
        return ((SyncResult.Completed) result).report();
    }

    /** The first of two held feeds that a request reaches. */
    private static LocalFeedServer.Hold awaitEither(LocalFeedServer.Hold one, LocalFeedServer.Hold two) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (one.arrivals() == 0 && two.arrivals() == 0) {
            assertThat(System.nanoTime()).as("a feed was requested").isLessThan(deadline);
            Thread.onSpinWait();
        }
        return one.arrivals() > 0 ? one : two;
    }
}
