package io.bokit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.SyncDecision;
import io.bokit.core.port.in.SyncStatus;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.SyncListener;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trigger in a real Netty server, with feeds served over loopback. */
class BokitServerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FEED = ICalFeedBuilder.airbnb()
            .reserved("b1", LocalDate.now().plusDays(10), LocalDate.now().plusDays(14))
            .build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalFeedServer feeds = LocalFeedServer.start();
    private final RunCounter runs = new RunCounter();

    @AfterEach
    void stopFeeds() {
        feeds.close();
    }

    private TestApp app(String feedUrl) {
        return TestApp.withDatabase()
                .with("micronaut.server.port", -1)
                .with(TestPages.ENABLED, true)
                .with("bokit.install-complete", true)
                .with("bokit.http.allowed-private-addresses", "127.0.0.0/8")
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", feedUrl)
                .withBean(runs);
    }

    private HttpResponse<String> get(EmbeddedServer server, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(server.getURI().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTriggeringResponseArrivesWhileTheFeedIsStillHeldThenTheRunCompletes() throws Exception {
        LocalFeedServer.Hold hold = feeds.hold("/seaview.ics", FEED);
        try (ApplicationContext context =
                        app(feeds.url("/seaview.ics").toString()).run();
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start()) {

            HttpResponse<String> page = get(server, "/page"); // returns although the feed is held

            assertThat(page.statusCode()).isEqualTo(201);
            assertThat(page.body()).isEqualTo(TestPages.BODY);
            assertThat(hold.awaitArrivals(1, WAIT)).isTrue(); // the run is under way, stuck on the feed
            assertThat(runs.reports()).isEmpty(); // and has not finished: the response did not wait for it

            hold.release();

            assertThat(runs.awaitRuns(1, WAIT)).isTrue();
            assertThat(runs.reports().get(0).errors()).isZero();
            assertThat(context.getBean(Bokit.class).bookings().find(BookingQuery.all()))
                    .hasSize(1);
            assertThat(runs.created()).hasSize(1);
        }
    }

    @Test
    void twoHundredConcurrentRequestsAfterTheIntervalStartExactlyOneRun() throws Exception {
        feeds.serve("/seaview.ics", FEED);
        MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
        try (ApplicationContext context = app(feeds.url("/seaview.ics").toString())
                        .with("bokit.db-time", false)
                        .withBean(clock)
                        .run();
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start()) {
            Bokit bokit = context.getBean(Bokit.class);
            assertThat(get(server, "/page").statusCode()).isEqualTo(201);
            assertThat(runs.awaitRuns(1, WAIT)).isTrue(); // the first interval's run
            awaitLeaseReleased(bokit);

            clock.advance(bokit.options().current().syncInterval().plusSeconds(1));
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                responses.add(client.sendAsync(
                        HttpRequest.newBuilder(server.getURI().resolve("/page")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertThat(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode())
                        .isEqualTo(201);
            }

            assertThat(runs.awaitRuns(1, WAIT)).isTrue(); // the second interval's run
            awaitLeaseReleased(bokit);
            SyncStatus status = bokit.status().status();
            assertThat(status.lastClaim()).isEqualTo(clock.now());
            assertThat(status.decision()).isInstanceOf(SyncDecision.NotDue.class); // nothing more can start
            assertThat(runs.reports()).hasSize(2);
            assertThat(feeds.requestCount("/seaview.ics")).isEqualTo(2);
        }
    }

    @Test
    void aSyncThatThrowsLeavesEveryResponseUnchanged() throws Exception {
        CountDownLatch fetched = new CountDownLatch(1);
        ICalFeedPort exploding = request -> {
            fetched.countDown();
            throw new IllegalStateException("the fetcher exploded");
        };
        SyncListener explodingListener = new SyncListener() {
            @Override
            public void runCompleted(io.bokit.core.domain.SyncReport report) {
                throw new IllegalStateException("the listener exploded");
            }
        };
        try (ApplicationContext context = app("https://www.airbnb.com/calendar/ical/1.ics?t=secret")
                        .withBean(exploding)
                        .withBean(explodingListener)
                        .run();
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start()) {
            List<HttpResponse<String>> pages = new ArrayList<>();
            pages.add(get(server, "/page")); // triggers the run
            assertThat(fetched.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(runs.awaitRuns(1, WAIT)).isTrue();
            for (int i = 0; i < 5; i++) {
                pages.add(get(server, "/page"));
            }
            HttpResponse<String> missing = get(server, "/no-such-page");

            for (HttpResponse<String> page : pages) {
                assertThat(page.statusCode()).isEqualTo(201);
                assertThat(page.body()).isEqualTo(TestPages.BODY);
                assertThat(page.headers().firstValue("X-Page")).hasValue("sea-view");
            }
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(runs.reports().get(0).errors()).isEqualTo(1);
        }
    }

    /** The lease is released just after the listeners hear of the run; wait for it without sleeping. */
    private static void awaitLeaseReleased(Bokit bokit) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bokit.status().status().lease() != null) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
