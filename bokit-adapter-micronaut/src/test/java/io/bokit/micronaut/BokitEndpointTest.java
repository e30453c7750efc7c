package io.bokit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.StorageException;
import io.bokit.host.micrometer.BokitMetrics;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.LogCapture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The management endpoint, the health indicator and the metrics over a real server. */
class BokitEndpointTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private TestApp app(LocalFeedServer feeds, String path) {
        return TestApp.withDatabase()
                .with("micronaut.server.port", -1)
                .with("endpoints.bokit.sensitive", false)
                .with("endpoints.health.details-visible", "ANONYMOUS")
                .with("bokit.install-complete", true) // health judges runs only once syncs are on
                .with("bokit.http.allowed-private-addresses", "127.0.0.0/8")
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.url", feeds.url(path) + "?token=s3cret")
                .with("bokit.calendars.seaview.feeds.seaview-airbnb.name", "Sea View on Airbnb");
    }

    private HttpResponse<String> send(EmbeddedServer server, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(EmbeddedServer server, String path) {
        return HttpRequest.newBuilder(server.getURI().resolve(path));
    }

    @Test
    void writeRunsASyncAndReadShowsTheStatusAndLastReportWithUrlsMasked() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (LocalFeedServer feeds = LocalFeedServer.start()) {
            feeds.serve(
                    "/seaview.ics",
                    ICalFeedBuilder.airbnb()
                            .reserved(
                                    "b1",
                                    LocalDate.now().plusDays(3),
                                    LocalDate.now().plusDays(5))
                            .build());
            try (ApplicationContext context =
                            app(feeds, "/seaview.ics").withBean(meters).run();
                    EmbeddedServer server =
                            context.getBean(EmbeddedServer.class).start()) {

                HttpResponse<String> run = send(
                        server,
                        request(server, "/bokit")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")));
                HttpResponse<String> status = send(server, request(server, "/bokit"));

                assertThat(run.statusCode()).isEqualTo(200);
                assertThat(run.body()).contains("\"result\":\"completed\"", "\"created\":1");
                assertThat(status.statusCode()).isEqualTo(200);
                assertThat(status.body())
                        .contains("\"seaview-airbnb\"", "\"lastReport\"", "\"errors\":0", "?…")
                        .doesNotContain("s3cret");
                assertThat(meters.get(BokitMetrics.RUNS)
                                .tag("result", "ok")
                                .counter()
                                .count())
                        .isEqualTo(1);
                assertThat(meters.get(BokitMetrics.CHANGES)
                                .tag("kind", "created")
                                .counter()
                                .count())
                        .isEqualTo(1);
                assertThat(meters.get(BokitMetrics.DURATION).timer().count()).isEqualTo(1);
                assertThat(meters.get(BokitMetrics.CHANGES).counters())
                        .extracting(counter -> counter.getId().getTag("kind"))
                        .containsExactlyInAnyOrder("created", "updated", "vanished", "deleted");
                assertThat(meters.getMeters())
                        .allSatisfy(meter -> assertThat(meter.getId().getTags())
                                .noneMatch(tag -> tag.getValue().contains("://")));
            }
        }
    }

    @Test
    void healthIsDownWhenTheLastRunFailedOnEveryFeed() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (LocalFeedServer feeds = LocalFeedServer.start()) {
            feeds.fail("/seaview.ics", 500);
            try (ApplicationContext context =
                            app(feeds, "/seaview.ics").withBean(meters).run();
                    EmbeddedServer server =
                            context.getBean(EmbeddedServer.class).start()) {
                HttpResponse<String> before = send(server, request(server, "/health"));

                send(
                        server,
                        request(server, "/bokit")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")));
                HttpResponse<String> after = send(server, request(server, "/health"));

                assertThat(before.statusCode()).isEqualTo(200);
                assertThat(before.body()).contains("\"bokit\"");
                assertThat(after.statusCode()).isEqualTo(503);
                assertThat(after.body())
                        .contains("the last run failed on every feed")
                        .doesNotContain("s3cret");
                assertThat(meters.get(BokitMetrics.FEED_FAILURES)
                                .tag("feed", "seaview-airbnb")
                                .tag("feed.name", "Sea View on Airbnb")
                                .counter()
                                .count())
                        .isEqualTo(1);
                assertThat(meters.get(BokitMetrics.RUNS)
                                .tag("result", "failed")
                                .counter()
                                .count())
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aRunWhereSomeFeedsFailIsPartialAndCountsEachFailedFeedByIdAndName() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (LocalFeedServer feeds = LocalFeedServer.start()) {
            feeds.serve("/seaview.ics", ICalFeedBuilder.airbnb().build());
            feeds.fail("/garden.ics", 404);
            try (ApplicationContext context = app(feeds, "/seaview.ics")
                            .with(
                                    "bokit.calendars.garden.feeds.garden-booking.url",
                                    feeds.url("/garden.ics") + "?t=s3cret")
                            .withBean(meters)
                            .run();
                    EmbeddedServer server =
                            context.getBean(EmbeddedServer.class).start()) {

                send(
                        server,
                        request(server, "/bokit")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")));

                assertThat(meters.get(BokitMetrics.RUNS)
                                .tag("result", "partial")
                                .counter()
                                .count())
                        .isEqualTo(1);
                assertThat(meters.get(BokitMetrics.FEED_FAILURES).counters())
                        .singleElement()
                        .satisfies(counter -> {
                            assertThat(counter.getId().getTag("feed")).isEqualTo("garden-booking");
                            assertThat(counter.getId().getTag("feed.name")).isEqualTo("garden-booking");
                            assertThat(counter.count()).isEqualTo(1);
                        });
            }
        }
    }

    @Test
    void theEndpointIsSensitiveByDefault() throws Exception {
        try (LocalFeedServer feeds = LocalFeedServer.start();
                ApplicationContext context =
                        TestApp.withDatabase().with("micronaut.server.port", -1).run();
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start()) {
            assertThat(send(server, request(server, "/bokit")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anOptionIsWrittenWithItsKeyAsSelectorAndABadValueOrUnknownKeyIsA400WithTheOptionsMessage() throws Exception {
        try (LocalFeedServer feeds = LocalFeedServer.start();
                ApplicationContext context = app(feeds, "/seaview.ics").run();
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
                LogCapture logs = LogCapture.everyEventAtTrace()) {
            HttpResponse<String> written = postJson(server, "/bokit/sync.interval", "{\"value\": \"120\"}");
            HttpResponse<String> bad = postJson(server, "/bokit/sync.interval", "{\"value\": \"soon\"}");
            HttpResponse<String> unknown = postJson(server, "/bokit/no.such.option", "{\"value\": \"1\"}");
            HttpResponse<String> missing = postJson(server, "/bokit/sync.interval", "{}");

            assertThat(written.statusCode()).isEqualTo(200);
            assertThat(written.body()).contains("\"key\":\"sync.interval\"", "\"value\":\"120\"", "\"default\":false");
            assertThat(context.getBean(io.bokit.core.application.Bokit.class)
                            .options()
                            .get("sync.interval")
                            .value())
                    .isEqualTo("120");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("sync.interval", "soon");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("no.such.option");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("A value for sync.interval is required");
            assertThat(logs.text().lines().filter(line -> line.startsWith("ERROR")))
                    .isEmpty();
        }
    }

    @Test
    void healthIsDownWithTheReasonMaskedWhenTheStoreCannotBeRead() throws Exception {
        AtomicBoolean broken = new AtomicBoolean();
        InMemoryOptions stored = new InMemoryOptions();
        String secret = "https://db.example.com/bokit?password=s3cret";
        io.bokit.core.port.out.OptionsPort options = new io.bokit.core.port.out.OptionsPort() {
            @Override
            public Map<String, String> loadAll() {
                failIfBroken();
                return stored.loadAll();
            }

            @Override
            public Optional<String> load(String key) {
                failIfBroken();
                return stored.load(key);
            }

            @Override
            public void store(String key, String value) {
                failIfBroken();
                stored.store(key, value);
            }

            @Override
            public boolean remove(String key) {
                failIfBroken();
                return stored.remove(key);
            }

            private void failIfBroken() {
                if (broken.get()) {
                    throw new StorageException("cannot read the options at " + secret);
                }
            }
        };
        try (LocalFeedServer feeds = LocalFeedServer.start();
                ApplicationContext context =
                        app(feeds, "/seaview.ics").withBean(options).run();
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start()) {
            broken.set(true);

            HttpResponse<String> health = send(server, request(server, "/health"));

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body())
                    .contains("\"bokit\"", "cannot read the options at", "?…")
                    .doesNotContain("s3cret");
        }
    }

    private HttpResponse<String> postJson(EmbeddedServer server, String path, String body) throws Exception {
        return send(
                server,
                request(server, path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
