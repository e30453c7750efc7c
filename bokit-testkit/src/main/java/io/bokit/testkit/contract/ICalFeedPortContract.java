package io.bokit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.Failed;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import io.bokit.core.port.out.ICalFeedPort.NotModified;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ICalFeedPort}: what every fetcher (the HTTP one, the in-memory source, yours)
 * must do for the sync engine to rely on it. A fetcher's test extends this class and says how to serve
 * a body and a failure at a URL that its fetcher reaches.
 */
public abstract class ICalFeedPortContract {
    /** A token that must never appear in a result. */
    protected static final String SECRET = "TOKEN-feed-SECRET";

    private static final String BODY = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//contract//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:1@contract\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270103\r\n"
            + "SUMMARY:Reserved\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    /** The fetcher under test. */
    protected abstract ICalFeedPort port();

    /**
     * Serves a body at a fresh URL, with an ETag when one is given; a request carrying that ETag in
     * {@code If-None-Match} must be answered as not modified.
     *
     * @return the URL, whose query carries {@link #SECRET}
     */
    protected abstract FeedUrl serve(String body, String etag);

    /**
     * Makes a fresh URL fail as a server answering this HTTP status would.
     *
     * @return the URL, whose query carries {@link #SECRET}
     */
    protected abstract FeedUrl fail(int httpStatus);

    @Test
    void returnsTheBodyItServes() {
        FetchResult result = port().fetch(FetchRequest.of(serve(BODY, null)));

        assertThat(result).isInstanceOfSatisfying(Content.class, content -> assertThat(content.body())
                .isEqualTo(BODY));
    }

    @Test
    void returnsTheEtagAndAnswersNotModifiedWhenItIsSentBack() {
        FeedUrl url = serve(BODY, "\"v1\"");

        FetchResult first = port().fetch(FetchRequest.of(url));
        assertThat(first).isInstanceOf(Content.class);
        String etag = ((Content) first).etag();
        assertThat(etag).isEqualTo("\"v1\"");

        FetchResult again = port().fetch(new FetchRequest(url, etag, null, Duration.ZERO));
        assertThat(again).isInstanceOf(NotModified.class);
    }

    @Test
    void aStaleEtagGetsTheBody() {
        FeedUrl url = serve(BODY, "\"v2\"");

        FetchResult result = port().fetch(new FetchRequest(url, "\"v1\"", null, Duration.ZERO));

        assertThat(result).isInstanceOf(Content.class);
    }

    @Test
    void aServerErrorIsAFailedResultWithItsStatusAndNoSecret() {
        FetchResult result = port().fetch(FetchRequest.of(fail(503)));

        assertThat(result).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.httpStatus()).isEqualTo(503);
            assertThat(failed.message()).isNotBlank().doesNotContain(SECRET);
        });
    }

    @Test
    void aMissingFeedIsAFailedResultNotAnException() {
        FetchResult result = port().fetch(FetchRequest.of(fail(404)));

        assertThat(result).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.httpStatus())
                .isEqualTo(404));
    }

    @Test
    void servesManyThreadsAtOnce() throws Exception {
        List<FeedUrl> urls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            urls.add(serve(BODY.replace("1@contract", i + "@contract"), null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<FetchResult>> fetches = new ArrayList<>();
            urls.forEach(url -> fetches.add(() -> port().fetch(FetchRequest.of(url))));
            List<Future<FetchResult>> results = pool.invokeAll(fetches);
            for (int i = 0; i < urls.size(); i++) {
                String uid = i + "@contract";
                assertThat(results.get(i).get())
                        .isInstanceOfSatisfying(Content.class, content -> assertThat(content.body())
                                .contains(uid));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
