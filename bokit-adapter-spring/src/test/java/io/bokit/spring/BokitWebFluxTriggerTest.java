package io.bokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.host.BokitHost;
import io.bokit.host.BokitSettings;
import io.bokit.host.BokitSettings.CalendarDeclaration;
import io.bokit.host.BokitSettings.FeedDeclaration;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The auto-configured {@link BokitWebFilter} on a real Netty server (127.0.0.1, random port, base path
 * {@code /app}) over a {@link BokitHost} on H2; the feed is a fetcher that holds the run until the test
 * lets it go, and bokit's executor notes the thread that hands it each check: the trigger's thread.
 */
class BokitWebFluxTriggerTest {
    private static final long WAIT_SECONDS = 30;
    private static final Duration INTERVAL = Duration.ofMinutes(30);
    private static final String FEED = ICalFeedBuilder.airbnb()
            .reserved("r1@airbnb.com", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 5))
            .build();

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService pool =
            Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "bokit-test"));

    /** The threads that called the trigger (they hand the check to bokit's executor) and the fetcher. */
    private final List<String> triggerThreads = new CopyOnWriteArrayList<>();

    private final List<String> fetchThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch fetching = new CountDownLatch(1);
    private final CountDownLatch releaseFetch = new CountDownLatch(1);
    private volatile CountDownLatch nextRun = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    private final ICalFeedPort heldFeed = request -> {
        fetchThreads.add(Thread.currentThread().getName());
        fetches.incrementAndGet();
        fetching.countDown();
        try {
            releaseFetch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ICalFeedPort.Content(FEED, null, null);
    };

    private final SyncListener runCounter = new SyncListener() {
        @Override
        public void runCompleted(SyncReport report) {
            runs.incrementAndGet();
            nextRun.countDown();
        }
    };

    @AfterEach
    void closeEverything() throws Exception {
        releaseFetch.countDown();
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
        pool.shutdownNow();
    }

    @Test
    void aPageTriggersOneRunAfterItsResponseAndNeverOnTheEventLoop() throws Exception {
        ConfigurableApplicationContext app = start();

        HttpResponse<String> page = get(app, "/app/page");

        // the client has the whole page, and the run it started is still waiting for the feed
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<h1>a page</h1>");
        assertThat(fetching.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get()).isZero();
        assertThat(concurrently(app, 40, "/app/page")).containsOnly(200);

        releaseFetch.countDown();
        assertThat(nextRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(concurrently(app, 40, "/app/page")).containsOnly(200);
        assertThat(fetches.get()).isEqualTo(1);
        assertThat(runs.get()).isEqualTo(1);

        // the next interval: one more run, whatever the number of requests
        nextRun = new CountDownLatch(1);
        clock.advance(INTERVAL.plusSeconds(1));
        assertThat(concurrently(app, 40, "/app/page")).containsOnly(200);
        assertThat(nextRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(fetches.get()).isEqualTo(2);
        assertThat(runs.get()).isEqualTo(2);

        assertThat(triggerThreads).hasSizeGreaterThanOrEqualTo(2).allSatisfy(name -> assertThat(name)
                .startsWith("boundedElastic-"));
        assertThat(fetchThreads).hasSize(2).noneMatch(name -> name.startsWith("reactor-http-nio"));
    }

    @Test
    void excludedPathsNeverTriggerAndTheBasePathIsStrippedFirst() throws Exception {
        CountingScheduler scheduler = new CountingScheduler();
        ConfigurableApplicationContext app = start(scheduler);

        // with /app left on, "/app/actuator/health" would not match "/actuator/**" and would trigger
        assertThat(get(app, "/app/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(app, "/app/static/x.css").statusCode()).isEqualTo(200);
        assertThat(get(app, "/app/bokit/status").statusCode()).isEqualTo(200);
        // the next page view is the first to reach the trigger: nothing was claimed yet
        assertThat(app.getBean(BokitHost.class).bokit().status().status().lastClaim())
                .isNull();
        assertThat(triggerThreads).isEmpty();

        assertThat(get(app, "/app/page").statusCode()).isEqualTo(200);
        releaseFetch.countDown();
        assertThat(nextRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        // the excluded requests came first on the same connection, so their filters had finished: one handed-off
        // trigger
        assertThat(scheduler.scheduled.get()).isEqualTo(1);
        assertThat(fetches.get()).isEqualTo(1);
    }

    /** boundedElastic, counting what the filter hands it. */
    private static final class CountingScheduler implements Scheduler {
        private final AtomicInteger scheduled = new AtomicInteger();
        private final Scheduler delegate = Schedulers.boundedElastic();

        @Override
        public Disposable schedule(Runnable task) {
            scheduled.incrementAndGet();
            return delegate.schedule(task);
        }

        @Override
        public Worker createWorker() {
            return delegate.createWorker();
        }
    }

    private ConfigurableApplicationContext start() {
        return start(null);
    }

    /** Starts the application; with a scheduler, the application defines its own filter on it. */
    private ConfigurableApplicationContext start(Scheduler ownFilterScheduler) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:webflux-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BokitSettings settings = BokitSettings.builder()
                .installComplete(true)
                .defaultInterval(INTERVAL)
                .dbTime(false)
                .calendar(
                        "seaview",
                        new CalendarDeclaration(
                                "Sea View",
                                null,
                                Map.of(
                                        "seaview-airbnb",
                                        new FeedDeclaration(
                                                "https://www.airbnb.com/calendar/ical/1.ics?s=token", null))))
                .build();
        BokitHost host = BokitHost.builder(settings)
                .dataSource(dataSource)
                .clock(clock)
                .fetcher(heldFeed)
                .executor(task -> {
                    if (!Thread.currentThread().getName().equals("bokit-test")) {
                        triggerThreads.add(Thread.currentThread().getName());
                    }
                    pool.execute(task);
                })
                .listener(runCounter)
                .build();
        closeAfter.add(host);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PageApp.class)
                .web(WebApplicationType.REACTIVE)
                .bannerMode(Banner.Mode.OFF)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("bokitHost", host);
                    if (ownFilterScheduler != null) {
                        ctx.getBeanFactory()
                                .registerSingleton("ownFilter", new BokitWebFilter(host.trigger(), ownFilterScheduler));
                    }
                })
                .properties("server.port=0", "server.address=127.0.0.1", "spring.webflux.base-path=/app")
                .run();
        closeAfter.add(context);
        // the auto-configured filter, or only the application's own
        assertThat(context.getBeansOfType(BokitWebFilter.class))
                .containsOnlyKeys(ownFilterScheduler == null ? "bokitWebFilter" : "ownFilter");
        return context;
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String path)
            throws IOException, InterruptedException {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(WAIT_SECONDS))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code count} requests at once from 20 threads; returns their statuses. */
    private List<Integer> concurrently(ConfigurableApplicationContext app, int count, String path) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                                return get(app, path).statusCode();
                            } catch (IOException | InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        threads));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> answer : answers) {
                statuses.add(answer.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The host application: a page, and pages at paths bokit excludes. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({
        NettyReactiveWebServerAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class,
        BokitWebFluxAutoConfiguration.class
    })
    @RestController
    static class PageApp {
        @GetMapping("/page")
        String page() {
            return "<h1>a page</h1>";
        }

        @GetMapping({"/actuator/health", "/static/x.css", "/bokit/status"})
        String excluded() {
            return "excluded";
        }
    }
}
