package io.bokit.testkit;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An {@link ICalFeedPort} that serves what a test tells it to, per URL, and records every request.
 * A body served with an ETag answers {@link ICalFeedPort.NotModified} to a request carrying that
 * ETag, like a real server. Unknown URLs fail with HTTP 404. Thread-safe.
 */
public final class InMemoryFeedSource implements ICalFeedPort {
    private final Map<FeedUrl, Function<FetchRequest, FetchResult>> answers = new ConcurrentHashMap<>();
    private final List<FetchRequest> requests = new ArrayList<>();

    /** Serves a body without validators. */
    public InMemoryFeedSource serve(FeedUrl url, String body) {
        return answer(url, request -> new Content(body, null, null));
    }

    /** Serves a body with an ETag, answering not-modified when the request carries the same ETag. */
    public InMemoryFeedSource serve(FeedUrl url, String body, String etag) {
        Objects.requireNonNull(etag, "etag");
        return answer(url, request -> etag.equals(request.etag()) ? new NotModified() : new Content(body, etag, null));
    }

    /** Fails every fetch of a URL as a server would, e.g. {@code fail(url, 503, "unavailable", null)}. */
    public InMemoryFeedSource fail(FeedUrl url, int httpStatus, String message, java.time.Instant retryAfter) {
        return answer(url, request -> new Failed(message, httpStatus, retryAfter));
    }

    /** Throws from every fetch of a URL, as a broken adapter might. */
    public InMemoryFeedSource explode(FeedUrl url, RuntimeException exception) {
        return answer(url, request -> {
            throw exception;
        });
    }

    /** Answers fetches of a URL with any function of the request. */
    public InMemoryFeedSource answer(FeedUrl url, Function<FetchRequest, FetchResult> answer) {
        answers.put(Objects.requireNonNull(url, "url"), Objects.requireNonNull(answer, "answer"));
        return this;
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
        return answers.getOrDefault(request.url(), r -> new Failed("not found", 404, null))
                .apply(request);
    }

    /** Every request received so far, in order. */
    public List<FetchRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests a URL received. */
    public long requestCount(FeedUrl url) {
        return requests().stream().filter(request -> request.url().equals(url)).count();
    }
}
