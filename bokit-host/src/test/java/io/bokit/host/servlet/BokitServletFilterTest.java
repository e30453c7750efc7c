package io.bokit.host.servlet;

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
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain Servlet filter on a real Tomcat (127.0.0.1, random port, context path {@code /app}), bokit
 * built by {@link BokitHost} over H2; the feed is a fetcher that holds the run until the test lets it go.
 */
class BokitServletFilterTest {
    private static final long WAIT_SECONDS = 30;
    private static final Duration INTERVAL = Duration.ofMinutes(30);
    private static final String FEED_URL = "https://www.airbnb.com/calendar/ical/1.ics?s=token";
    private static final String FEED = ICalFeedBuilder.airbnb()
            .reserved("r1@airbnb.com", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 5))
            .build();

    @TempDir
    Path baseDir;

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    /** The path of the request that handed each check to bokit's executor, in order. */
    private final List<String> checksStartedBy = new CopyOnWriteArrayList<>();

    private final ThreadLocal<String> currentRequest = new ThreadLocal<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch fetching = new CountDownLatch(1);
    private final CountDownLatch releaseFetch = new CountDownLatch(1);
    private volatile CountDownLatch nextRun = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    private Tomcat tomcat;
    private int port;

    /** Holds every fetch until {@link #releaseFetch} opens. */
    private final ICalFeedPort heldFeed = request -> {
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

    /** bokit's executor, noting which request handed it the check (the hook submits on the request thread). */
    private final Executor recordingExecutor = task -> {
        String path = currentRequest.get();
        if (path != null) {
            checksStartedBy.add(path);
        }
        pool.execute(task);
    };

    @BeforeEach
    void startTomcat() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:servlet-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BokitSettings settings = BokitSettings.builder()
                .installComplete(true)
                .defaultInterval(INTERVAL)
                .dbTime(false)
                .exportPath("/channels/cal")
                .calendar(
                        "seaview",
                        new CalendarDeclaration(
                                "Sea View", null, Map.of("seaview-airbnb", new FeedDeclaration(FEED_URL, null))))
                .build();
        Supplier<BokitHost.Builder> bokit = () -> BokitHost.builder(settings)
                .dataSource(dataSource)
                .clock(clock)
                .fetcher(heldFeed)
                .executor(recordingExecutor)
                .listener(runCounter);

        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("/app", baseDir.toString());
        // the test's filter first, so that it wraps bokit's (programmatic mappings keep their order)
        context.addServletContainerInitializer(this::addTestServletsAndFilter, null);
        context.addServletContainerInitializer(new BokitInitializer(bokit), null);
        tomcat.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stopTomcat() throws Exception {
        releaseFetch.countDown();
        tomcat.stop();
        tomcat.destroy();
        pool.shutdownNow();
    }

    @Test
    void thePageArrivesWhileTheSyncIsHeldAndManyRequestsMakeOneRunPerInterval() throws Exception {
        HttpResponse<String> page = get("/app/page");

        // the client has the whole page, and the run it started is still waiting for the feed
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<h1>a page</h1>");
        assertThat(fetching.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get()).isZero();
        assertThat(concurrently(40, "/app/page")).containsOnly(200);

        releaseFetch.countDown();
        assertThat(nextRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(concurrently(40, "/app/page")).containsOnly(200);
        // the run's end makes the next request check once more (a run may overrun its interval); no second run
        assertThat(checksStartedBy).isNotEmpty().containsOnly("/page");
        assertThat(fetches.get()).isEqualTo(1);
        assertThat(runs.get()).isEqualTo(1);

        // the next interval: one more run, whatever the number of requests
        nextRun = new CountDownLatch(1);
        clock.advance(INTERVAL.plusSeconds(1));
        assertThat(concurrently(40, "/app/page")).containsOnly(200);
        assertThat(nextRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(get("/app/page").statusCode()).isEqualTo(200);
        assertThat(fetches.get()).isEqualTo(2);
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void excludedPathsNeverTriggerAndTheContextPathIsStrippedFirst() throws Exception {
        // with /app left on, "/app/actuator/health" would not match "/actuator/**" and would trigger
        assertThat(get("/app/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/app/static/x.css").statusCode()).isEqualTo(200);
        // the path as mapped, without the path parameter: "/img/logo.png;jsessionid=ABC" would not end in .png
        assertThat(get("/app/img/logo.png;jsessionid=ABC").statusCode()).isEqualTo(200);
        assertThat(get("/app/bokit/status").statusCode()).isEqualTo(200);
        // a channel reading an export under bokit.export.path, which no excluded-paths pattern names
        assertThat(get("/app/channels/cal/" + "A".repeat(43) + ".ics").statusCode())
                .isEqualTo(200);
        assertThat(checksStartedBy).isEmpty();

        assertThat(get("/app/page").statusCode()).isEqualTo(200);
        releaseFetch.countDown();
        assertThat(nextRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(checksStartedBy).containsExactly("/page");
    }

    @Test
    void aServletThatThrowsStillGetsItsErrorPageAndIsNotFlushed() throws Exception {
        HttpResponse<String> failed = get("/app/boom");

        // a flush before the check would have committed the half-written page with status 200
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(checksStartedBy).as("this request started the check").containsExactly("/boom");
        releaseFetch.countDown();
        assertThat(nextRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAsynchronousRequestIsNotFlushed() throws Exception {
        HttpResponse<String> later = get("/app/async");

        // the body is written once the run has started, so after the check: a flush would have sent 200
        assertThat(later.statusCode()).isEqualTo(202);
        assertThat(later.body()).isEqualTo("accepted later");
        assertThat(checksStartedBy).as("this request started the check").containsExactly("/async");
        releaseFetch.countDown();
        assertThat(nextRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    /** Starts bokit with the web application and stops it with it: the snippet of docs/servlet.md. */
    static final class BokitInitializer implements ServletContainerInitializer {
        private final Supplier<BokitHost.Builder> bokit;

        BokitInitializer(Supplier<BokitHost.Builder> bokit) {
            this.bokit = bokit;
        }

        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext servletContext) {
            BokitHost host = bokit.get().build();
            var filter = servletContext.addFilter("bokit", new BokitServletFilter(host.trigger()));
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
            servletContext.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    host.close();
                }
            });
        }
    }

    /** The host application's pages, and a filter around bokit's noting which request is running. */
    private void addTestServletsAndFilter(Set<Class<?>> classes, ServletContext servletContext) {
        Filter current = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            currentRequest.set(http.getServletPath() + (http.getPathInfo() == null ? "" : http.getPathInfo()));
            try {
                chain.doFilter(request, response);
            } finally {
                currentRequest.remove();
            }
        };
        var recording = servletContext.addFilter("current-request", current);
        recording.setAsyncSupported(true);
        recording.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        var pages = servletContext.addServlet("pages", new Pages());
        pages.setAsyncSupported(true);
        pages.addMapping("/*");
    }

    /** {@code /boom} fails after writing half a page, {@code /async} answers once the run has started. */
    private final class Pages extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            String path = request.getPathInfo();
            if ("/boom".equals(path)) {
                response.getWriter().write("half a page");
                throw new ServletException("this page fails on its own");
            }
            if ("/async".equals(path)) {
                AsyncContext async = request.startAsync();
                async.setTimeout(WAIT_SECONDS * 1000);
                async.start(() -> answerOnceTheRunHasStarted(async));
                return;
            }
            response.setContentType("text/html");
            response.getWriter().write("<h1>a page</h1>");
        }

        private void answerOnceTheRunHasStarted(AsyncContext async) {
            try {
                fetching.await(WAIT_SECONDS, TimeUnit.SECONDS);
                HttpServletResponse response = (HttpServletResponse) async.getResponse();
                response.setStatus(202);
                response.getWriter().write("accepted later");
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            } finally {
                async.complete();
            }
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(WAIT_SECONDS))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code count} requests at once from 20 threads; returns their statuses. */
    private List<Integer> concurrently(int count, String path) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                                return get(path).statusCode();
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
}
