package io.bokit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One behaviour suite for the operator's page ({@code bokit.dashboard.*}) on every host adapter, over real HTTP on
 * 127.0.0.1: who may see it, what it shows, its buttons and their CSRF token, and the refusal to start enabled
 * without a guard. An adapter's test extends it and implements {@link #start(Map, boolean)}.
 */
public abstract class DashboardContract {
    /** The secret token in the suite's feed URLs, which the page must never show. */
    protected static final String SECRET = "PAGE-SECRET-51c0";

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private final List<RunningPage> started = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private SeaViewFeed seaView;

    /** A host application serving the page. */
    public interface RunningPage extends AutoCloseable {
        /** The root of the host's web server, such as {@code http://127.0.0.1:8080}. */
        URI root();

        /** Adds what the adapter's test guard wants of an operator (a header, credentials) to a request. */
        HttpRequest.Builder signIn(HttpRequest.Builder request);

        /** Stops the application. */
        @Override
        void close();
    }

    /**
     * Starts the adapter's host application with these {@code bokit.*} properties.
     *
     * @param properties the properties, as a user writes them
     * @param guarded whether the application declares the test's guard (which {@link RunningPage#signIn} passes);
     *     when false it declares none, and nothing else (such as Spring Security) guards the page
     * @return the running application
     * @throws Exception whatever the framework throws when the startup fails
     */
    protected abstract RunningPage start(Map<String, String> properties, boolean guarded) throws Exception;

    @BeforeEach
    final void serveFeeds() {
        seaView = new SeaViewFeed(
                SECRET, LocalDate.now().plusDays(3), LocalDate.now().plusDays(6));
    }

    @AfterEach
    final void stop() {
        started.forEach(RunningPage::close);
        seaView.close();
    }

    /** One calendar with one feed on the local server, the page on, automatic syncs off (install not complete). */
    protected final Map<String, String> pageOn() {
        Map<String, String> properties = seaView.properties();
        properties.put("bokit.dashboard.enabled", "true");
        properties.put("bokit.install-complete", "false");
        properties.put("bokit.calendars.sea.feeds.airbnb.name", "Airbnb");
        return properties;
    }

    private RunningPage started(Map<String, String> properties) throws Exception {
        RunningPage page = start(properties, true);
        started.add(page);
        return page;
    }

    @Test
    void refusesARequestThatTheGuardRefuses() throws Exception {
        RunningPage page = started(pageOn());

        HttpResponse<String> answer = send(HttpRequest.newBuilder(page.root().resolve("/bokit")));

        assertThat(answer.statusCode()).isIn(401, 403);
        assertThat(answer.body()).doesNotContain("Sea View", "<html");
    }

    @Test
    void showsTheDeclaredFeedMaskedAndSyncNowRunsASyncWhoseResultThePageShows() throws Exception {
        RunningPage page = started(pageOn());

        String before = view(page, "/bokit");
        assertThat(before)
                .contains("Sea View", "Airbnb", "Never synced", "No run has finished")
                .contains("/calendar/ical/1.ics?…")
                .doesNotContain(SECRET);

        HttpResponse<String> sync = post(page, "/bokit/sync", fields(before, "/bokit/sync"));
        assertThat(sync.statusCode()).isEqualTo(303);
        assertThat(sync.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/bokit?done=synced"));

        String after = view(page, "/bokit?done=synced");
        assertThat(after).contains("The sync finished", "1 feed, 1 created", "0 errors", ">OK<");
        assertThat(after).doesNotContain(SECRET);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndSyncsNothing() throws Exception {
        RunningPage page = started(pageOn());
        Map<String, String> fields = fields(view(page, "/bokit"), "/bokit/sync");
        fields.remove("csrf");

        HttpResponse<String> sync = post(page, "/bokit/sync", fields);

        assertThat(sync.statusCode()).isEqualTo(403);
        assertThat(view(page, "/bokit")).contains("No run has finished");
    }

    @Test
    void disablesAndEnablesAFeed() throws Exception {
        RunningPage page = started(pageOn());

        HttpResponse<String> disable =
                post(page, "/bokit/feeds/airbnb/disable", fields(view(page, "/bokit"), "/disable"));
        String disabled = view(page, "/bokit?done=disabled");
        HttpResponse<String> enable = post(page, "/bokit/feeds/airbnb/enable", fields(disabled, "/enable"));

        assertThat(disable.statusCode()).isEqualTo(303);
        assertThat(disabled).contains(">Disabled<", "The feed is disabled");
        assertThat(enable.statusCode()).isEqualTo(303);
        assertThat(view(page, "/bokit")).contains(">Never synced<");
    }

    @Test
    void thePageIsOffByDefault() throws Exception {
        Map<String, String> properties = pageOn();
        properties.remove("bokit.dashboard.enabled");
        RunningPage page = started(properties);

        HttpResponse<String> answer = send(page.signIn(
                HttpRequest.newBuilder(page.root().resolve("/bokit")).header("Accept", "text/html")));

        assertThat(answer.body()).doesNotContain("Calendars and feeds");
    }

    @Test
    void enablingThePageWithoutAGuardFailsAtStartupSayingHowToGuardIt() {
        assertThatThrownBy(() -> {
                    RunningPage page = start(pageOn(), false);
                    started.add(page);
                })
                .satisfies(thrown -> assertThat(causes(thrown))
                        .contains("Invalid bokit.dashboard.enabled: is true, but nothing guards the page")
                        .contains("DashboardGuard"));
    }

    private static String causes(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** The page's text, signed in; fails unless it answers 200. */
    private String view(RunningPage page, String path) {
        HttpResponse<String> answer = send(
                page.signIn(HttpRequest.newBuilder(page.root().resolve(path)).header("Accept", "text/html")));
        assertThat(answer.statusCode()).as("GET " + path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The hidden fields of the first form whose action ends with this text. */
    private static Map<String, String> fields(String html, String actionEnd) {
        int form = html.indexOf(actionEnd + "\">");
        assertThat(form).as("a form posting to …" + actionEnd).isPositive();
        String body = html.substring(form, html.indexOf("</form>", form));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(body);
        while (hidden.find()) {
            fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private HttpResponse<String> post(RunningPage page, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(page.signIn(HttpRequest.newBuilder(page.root().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
