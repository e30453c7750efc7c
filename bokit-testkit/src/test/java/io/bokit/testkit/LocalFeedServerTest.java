package io.bokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.FeedUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFeedServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(FeedUrl url, String etag) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.reveal());
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesBodiesWithEtagsAndFailures() throws Exception {
        try (LocalFeedServer server = LocalFeedServer.start()) {
            FeedUrl feed = server.serve("/a.ics", "BEGIN:VCALENDAR", "\"v1\"");
            FeedUrl broken = server.fail("/b.ics", 503);

            assertThat(get(feed, null).body()).isEqualTo("BEGIN:VCALENDAR");
            assertThat(get(feed, "\"v1\"").statusCode()).isEqualTo(304);
            assertThat(get(broken, null).statusCode()).isEqualTo(503);
            assertThat(get(server.url("/none.ics"), null).statusCode()).isEqualTo(404);
            assertThat(server.requestCount("/a.ics")).isEqualTo(2);
            assertThat(feed.host()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void redirectsWithALocationHeader() throws Exception {
        try (LocalFeedServer server = LocalFeedServer.start()) {
            FeedUrl moved = server.redirect("/moved.ics", "http://127.0.0.1:1/elsewhere.ics");

            HttpResponse<String> response = get(moved, null);

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:1/elsewhere.ics");
            assertThat(server.requestCount("/moved.ics")).isEqualTo(1);
        }
    }

    @Test
    void servesAFileFromDiskWithoutEtag(@TempDir Path directory) throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("big.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        try (LocalFeedServer server = LocalFeedServer.start()) {
            // when
            FeedUrl feed = server.serve("/big.ics", file);
            HttpResponse<String> response = get(feed, "\"v1\"");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
            assertThat(response.headers().firstValue("ETag")).isEmpty();
        }
    }

    @Test
    void holdsRequestsUntilReleased() throws Exception {
        try (LocalFeedServer server = LocalFeedServer.start("127.0.0.2")) {
            LocalFeedServer.Hold hold = server.hold("/slow.ics", "body");
            CompletableFuture<HttpResponse<String>> response = client.sendAsync(
                    HttpRequest.newBuilder(
                                    URI.create(server.url("/slow.ics").reveal().toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(hold.awaitArrivals(1, Duration.ofSeconds(10))).isTrue();
            assertThat(response).isNotDone();

            hold.release();
            assertThat(response.get().body()).isEqualTo("body");
        }
    }
}
