package io.bokit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.ExportLinksUseCase;
import io.bokit.core.port.in.IssuedExport;
import io.bokit.testkit.LocalFeedServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * One behaviour suite for every host adapter (Spring, Micronaut, …): the same {@code bokit.*}
 * configuration gives the same startup result, the same error text, the same health, the same
 * metrics and the same management endpoint output in every framework. An adapter's test extends this
 * class and implements {@link #start(Map, boolean)}; it then inherits every case.
 *
 * <p>Feeds are served over real HTTP on 127.0.0.1 by a {@link LocalFeedServer}; every feed URL carries
 * the token {@value #SECRET}, which must never be shown.
 */
public abstract class HostAdapterContract {
    /** The secret token in every feed URL of the suite. */
    protected static final String SECRET = "TOKEN-4b1d-SECRET";

    private final List<RunningHost> started = new java.util.ArrayList<>();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private SeaViewFeed seaView;
    private LocalFeedServer feeds;
    private FeedUrl airbnb;

    /** A host application with bokit, started by the adapter under test. */
    public interface RunningHost extends AutoCloseable {
        /** The {@code bokit} health indicator's status and reason. */
        Health health();

        /** The management endpoint's status ({@code GET}), as parsed JSON. */
        Map<String, Object> status();

        /** The management endpoint's "sync now" ({@code POST}), as parsed JSON. */
        Map<String, Object> syncNow();

        /** The management endpoint's option write over HTTP: the status code and the body. */
        Answer setOption(String key, String value);

        /**
         * The count of a meter in the host's registry: a counter's count or a timer's number of events;
         * 0 when there is no such meter.
         *
         * @param name the meter's name
         * @param tags alternating tag keys and values
         */
        double meter(String name, String... tags);

        /**
         * The root of the host's web server on 127.0.0.1, such as {@code http://127.0.0.1:8080}, where the
         * exports are served; null when the host serves no HTTP (its export cases are then skipped).
         */
        default URI baseUri() {
            return null;
        }

        /** The host's served exports, to add and rotate them; needed when {@link #baseUri()} is not null. */
        default ExportLinksUseCase exportLinks() {
            throw new UnsupportedOperationException("this host serves no exports");
        }

        /** Stops the application. */
        @Override
        void close();
    }

    /**
     * A health reading.
     *
     * @param up whether the indicator says UP
     * @param reason its {@code reason} detail
     */
    public record Health(boolean up, String reason) {}

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param body the body as text
     */
    public record Answer(int status, String body) {}

    /**
     * Starts the adapter's host application with these properties, a Micrometer registry, the
     * {@code bokit} management endpoint exposed and writable, and no security in the way. The properties
     * are {@code bokit.*} keys in their documented kebab-case form; values are text as a user writes them
     * in a properties file (lists comma-separated, durations such as {@code 1500ms}).
     *
     * @param properties the bokit properties
     * @param withDataSource whether the application has a DataSource (an in-memory H2 database of its own)
     * @return the running host
     * @throws Exception whatever the framework throws when the startup fails
     */
    protected abstract RunningHost start(Map<String, String> properties, boolean withDataSource) throws Exception;

    @BeforeEach
    final void serveFeeds() {
        seaView = new SeaViewFeed(
                SECRET, LocalDate.now().plusDays(10), LocalDate.now().plusDays(12));
        feeds = seaView.server();
        airbnb = seaView.url();
    }

    @AfterEach
    final void stop() {
        started.forEach(RunningHost::close);
        seaView.close();
    }

    /** The properties of a good configuration: one calendar with one feed on the local server. */
    protected final Map<String, String> good() {
        Map<String, String> properties = seaView.properties();
        properties.put("bokit.install-complete", "true");
        properties.put("bokit.default-interval", "300s");
        return properties;
    }

    @Test
    void goodConfigurationStartsWithTheDeclaredFeedRegisteredAndHealthy() throws Exception {
        RunningHost host = started(good());

        Map<String, Object> status = host.status();
        assertThat(status).containsEntry("installComplete", true);
        assertThat(((Number) status.get("intervalSeconds")).longValue()).isEqualTo(300);
        assertThat(feedsOf(status)).singleElement().satisfies(feed -> {
            assertThat(feed).containsEntry("id", "airbnb").containsEntry("calendar", "sea");
            assertThat(feed.get("url").toString())
                    .startsWith("http://127.0.0.1:")
                    .doesNotContain(SECRET);
        });
        assertThat(host.health().up()).isTrue();
    }

    @Test
    void syncNowImportsTheFeedAndRecordsTheSameMeters() throws Exception {
        RunningHost host = started(good());

        Map<String, Object> result = host.syncNow();

        assertThat(result).containsEntry("result", "completed");
        Map<?, ?> totals = (Map<?, ?>) ((Map<?, ?>) result.get("report")).get("totals");
        assertThat(((Number) totals.get("created")).intValue()).isEqualTo(1);
        assertThat(host.meter("bokit.sync.runs", "result", "ok")).isEqualTo(1);
        assertThat(host.meter("bokit.sync.booking.changes", "kind", "created")).isEqualTo(1);
        assertThat(host.meter("bokit.sync.duration")).isEqualTo(1);
    }

    @Test
    void skippedEventsSayWhyInTheSyncResultAndTheStatus() throws Exception {
        seaView.serve("BEGIN:VEVENT\r\nUID:startless\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n");
        RunningHost host = started(good());

        Map<String, Object> result = host.syncNow();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) ((Map<?, ?>) result.get("report")).get("feeds");
        assertThat(results).singleElement().satisfies(feed -> assertThat(feed)
                .containsEntry("skippedReasons", List.of("no DTSTART (UID startless)"))
                .containsEntry("note", null));
        assertThat(feedsOf(host.status())).singleElement().satisfies(feed -> {
            assertThat(((Number) feed.get("skipped")).intValue()).isEqualTo(1);
            assertThat(feed).containsEntry("skippedReasons", List.of("no DTSTART (UID startless)"));
        });
    }

    @Test
    void aFractionOfASecondAsTheDefaultIntervalIsRefused() {
        Map<String, String> properties = good();
        properties.put("bokit.default-interval", "1500ms");

        assertStartupFails(
                properties,
                "Invalid bokit.default-interval: 1500ms is not a whole number of seconds, which sync.interval takes");
    }

    @Test
    void aFeedIdDeclaredUnderTwoCalendarsIsRefused() {
        Map<String, String> properties = good();
        properties.put("bokit.calendars.hill.feeds.airbnb.url", airbnb.reveal().toString());

        assertStartupFails(
                properties,
                "feed id airbnb is declared twice, under bokit.calendars.",
                "feed ids are unique across calendars");
    }

    @Test
    void aCalendarWithAnUnknownTimeZoneIsRefused() {
        Map<String, String> properties = good();
        properties.put("bokit.calendars.sea.zone", "Mars/Olympus");

        assertStartupFails(properties, "Invalid bokit.calendars.sea.zone: \"Mars/Olympus\" is not a time-zone id");
    }

    @Test
    void aFeedWithoutItsUrlIsRefused() {
        Map<String, String> properties = good();
        properties.put("bokit.calendars.sea.feeds.vrbo.name", "Vrbo");

        assertStartupFails(
                properties,
                "Invalid bokit.calendars.sea.feeds.vrbo.url: is missing: every declared feed needs its URL");
    }

    @Test
    void anOutOfRangeExecutorSizeIsRefused() {
        Map<String, String> properties = good();
        properties.put("bokit.executor.threads", "0");

        assertStartupFails(properties, "Invalid bokit.executor.threads: must be 1 to 64, was 0");
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void virtualThreadsBeforeJava21AreRefused() {
        Map<String, String> properties = good();
        properties.put("bokit.executor.virtual-threads", "true");

        assertStartupFails(properties, "Invalid bokit.executor.virtual-threads: needs Java 21 or later");
    }

    @Test
    void withoutADataSourceTheStartupSaysWhatIsMissing() {
        assertStartupFails(good(), false, "bokit needs a javax.sql.DataSource and the application has none");
    }

    @Test
    void aFeedThatFailsIsShownWithoutItsSecretAndEveryFeedFailingIsDown() throws Exception {
        Map<String, String> properties = good();
        feeds.fail("/broken.ics", 500);
        FeedUrl broken = feeds.url("/broken.ics?s=" + SECRET);
        properties.put("bokit.calendars.sea.feeds.airbnb.url", broken.reveal().toString());
        RunningHost host = started(properties);

        Map<String, Object> result = host.syncNow();

        assertThat(((Number) ((Map<?, ?>) result.get("report")).get("errors")).intValue())
                .isEqualTo(1);
        assertThat(result.toString()).doesNotContain(SECRET);
        assertThat(host.status().toString()).doesNotContain(SECRET).contains("500");
        Health health = host.health();
        assertThat(health.up()).isFalse();
        assertThat(health.reason()).isEqualTo("the last run failed on every feed (1)");
        assertThat(host.meter("bokit.sync.runs", "result", "failed")).isEqualTo(1);
        assertThat(host.meter("bokit.sync.feed.failures", "feed", "airbnb", "feed.name", "airbnb"))
                .isEqualTo(1);
    }

    @Test
    void aStartupFailureNeverShowsTheSecret() {
        Map<String, String> properties = good();
        properties.put("bokit.calendars.sea.feeds.airbnb.url", "ftp://www.airbnb.com/calendar/1.ics?s=" + SECRET);

        String failure = startupFailure(properties, true);

        assertThat(failure)
                .contains("Invalid bokit.calendars.sea.feeds.airbnb.url")
                .doesNotContain(SECRET);
    }

    @Test
    void anOptionIsWrittenThroughTheEndpoint() throws Exception {
        RunningHost host = started(good());

        Answer answer = host.setOption("sync.interval", "120");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("120");
        assertThat(((Number) host.status().get("intervalSeconds")).longValue()).isEqualTo(120);
    }

    @Test
    void aBadOptionValueOrKeyIsABadRequestWithTheOptionsMessage() throws Exception {
        RunningHost host = started(good());

        Answer badValue = host.setOption("sync.interval", "abc");
        Answer unknownKey = host.setOption("no.such.option", "1");

        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.body()).contains("sync.interval").contains("abc");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.body()).contains("no.such.option");
        assertThat(((Number) host.status().get("intervalSeconds")).longValue()).isEqualTo(300);
    }

    /** A GET or HEAD to the host, with headers as name, value, name, value … */
    private HttpResponse<String> http(RunningHost host, String method, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** A started host that serves exports, and an export of the declared calendar. */
    private IssuedExport servedExport(RunningHost host) {
        assumeTrue(host.baseUri() != null, "this host serves no HTTP");
        return host.exportLinks().add(new AddExportCommand(CalendarKey.of("sea"), null, false));
    }

    @Test
    void anExportIsServedAsICalendarWithAStrongTagAndADateAnd304sOnEither() throws Exception {
        RunningHost host = started(good());
        IssuedExport export = servedExport(host);

        HttpResponse<String> first = http(host, "GET", export.path("/bokit/ical"));
        HttpResponse<String> byTag =
                http(host, "GET", export.path("/bokit/ical"), "If-None-Match", header(first, "ETag"));
        HttpResponse<String> byDate =
                http(host, "GET", export.path("/bokit/ical"), "If-Modified-Since", header(first, "Last-Modified"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "Content-Type")).isEqualToIgnoringWhitespace("text/calendar;charset=utf-8");
        assertThat(header(first, "ETag")).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(header(first, "Last-Modified")).endsWith(" GMT");
        assertThat(first.body())
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("METHOD:PUBLISH")
                .doesNotContain("VEVENT");
        assertThat(List.of(byTag, byDate)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(304);
            assertThat(answer.body()).isEmpty();
            assertThat(header(answer, "ETag")).isEqualTo(header(first, "ETag"));
        });
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutTheBody() throws Exception {
        RunningHost host = started(good());
        IssuedExport export = servedExport(host);
        HttpResponse<String> get = http(host, "GET", export.path("/bokit/ical"));

        HttpResponse<String> head = http(host, "HEAD", export.path("/bokit/ical"));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
        assertThat(header(head, "Last-Modified")).isEqualTo(header(get, "Last-Modified"));
        assertThat(header(head, "Content-Type")).isEqualTo(header(get, "Content-Type"));
    }

    @Test
    void aSyncThatImportsABookingChangesTheServedBody() throws Exception {
        RunningHost host = started(good());
        IssuedExport export = servedExport(host);
        HttpResponse<String> before = http(host, "GET", export.path("/bokit/ical"));

        host.syncNow();
        HttpResponse<String> after =
                http(host, "GET", export.path("/bokit/ical"), "If-None-Match", header(before, "ETag"));

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(header(after, "ETag")).isNotEqualTo(header(before, "ETag"));
        assertThat(after.body()).contains("BEGIN:VEVENT").contains("SUMMARY:Not available");
    }

    @Test
    void anUnknownOrRotatedTokenIsTheSame404AsAnyUnknownPath() throws Exception {
        RunningHost host = started(good());
        IssuedExport rotated = servedExport(host);
        IssuedExport current = host.exportLinks().rotate(rotated.link().id());
        String unknown = "/bokit/ical/" + "A".repeat(43) + ".ics";
        String elsewhere = "/no-such-page/" + "B".repeat(43) + ".ics";

        HttpResponse<String> other = http(host, "GET", elsewhere);
        for (String path : List.of(rotated.path("/bokit/ical"), unknown)) {
            HttpResponse<String> answer = http(host, "GET", path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(header(answer, "Content-Type")).isEqualTo(header(other, "Content-Type"));
            assertThat(answer.headers().map().keySet())
                    .as("the header names")
                    .isEqualTo(other.headers().map().keySet());
            assertThat(normalized(answer.body(), path)).isEqualTo(normalized(other.body(), elsewhere));
        }
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(http(host, "GET", current.path("/bokit/ical")).statusCode()).isEqualTo(200);
    }

    @Test
    void theExportPathCanBeMovedAndTheServingTurnedOff() throws Exception {
        Map<String, String> moved = good();
        moved.put("bokit.export.path", "/channels/cal");
        RunningHost host = started(moved);
        IssuedExport export = servedExport(host);

        assertThat(http(host, "GET", export.path("/channels/cal")).statusCode()).isEqualTo(200);
        assertThat(http(host, "GET", export.path("/bokit/ical")).statusCode()).isEqualTo(404);
        host.close();
        started.remove(host);

        Map<String, String> off = good();
        off.put("bokit.export.enabled", "false");
        RunningHost quiet = started(off);
        IssuedExport hidden = servedExport(quiet);
        assertThat(http(quiet, "GET", hidden.path("/bokit/ical")).statusCode()).isEqualTo(404);
    }

    /** A 404's body with its request path and times taken out, which differ between any two 404s. */
    private static String normalized(String body, String path) {
        return body.replace(path, "PATH")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:?\\d\\d)?", "TIME")
                // a WebFlux error body names its request: "requestId":"b6ffbb10-2"
                .replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"ID\"");
    }

    /** Starts a host that the suite stops after the test. */
    protected final RunningHost started(Map<String, String> properties) throws Exception {
        RunningHost host = start(properties, true);
        started.add(host);
        return host;
    }

    private void assertStartupFails(Map<String, String> properties, String... expected) {
        assertStartupFails(properties, true, expected);
    }

    private void assertStartupFails(Map<String, String> properties, boolean withDataSource, String... expected) {
        String failure = startupFailure(properties, withDataSource);
        for (String text : expected) {
            assertThat(failure).contains(text);
        }
        assertThat(failure).doesNotContain(SECRET);
    }

    /** The messages of every cause of the startup's failure, one per line. */
    private String startupFailure(Map<String, String> properties, boolean withDataSource) {
        RunningHost host;
        try {
            host = start(properties, withDataSource);
        } catch (Exception e) {
            StringWriter messages = new StringWriter();
            PrintWriter out = new PrintWriter(messages);
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                out.println(cause.getMessage());
            }
            return messages.toString();
        }
        host.close();
        return fail("expected the startup to fail with " + properties);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> feedsOf(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("feeds");
    }
}
