package io.bokit.core.port.out;

import io.bokit.core.domain.FeedUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Fetches a feed's iCal text. Expected failures (network, HTTP status, size, refused address) are
 * results, not exceptions. Implementations are thread-safe.
 */
public interface ICalFeedPort {

    /**
     * Fetches one feed, conditionally when validators are given.
     *
     * @param request what to fetch, not null
     * @return not-modified, the decoded body, or a failure; never null
     */
    FetchResult fetch(FetchRequest request);

    /**
     * A conditional fetch.
     *
     * @param url the feed's address
     * @param etag the ETag of the last success, sent as {@code If-None-Match}, or null
     * @param lastModified the Last-Modified of the last success, sent as {@code If-Modified-Since}, or null
     * @param hostDelay the least time between two requests to the same host (option
     *     {@code sync.request_delay}); never null, {@link Duration#ZERO} for none
     */
    record FetchRequest(FeedUrl url, String etag, String lastModified, Duration hostDelay) {
        public FetchRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(hostDelay, "hostDelay");
        }

        /** An unconditional request without delay. */
        public static FetchRequest of(FeedUrl url) {
            return new FetchRequest(url, null, null, Duration.ZERO);
        }
    }

    /** The outcome of a fetch. */
    sealed interface FetchResult {}

    /** The feed has not changed since the validators were issued (HTTP 304). */
    record NotModified() implements FetchResult {}

    /**
     * The feed's text.
     *
     * @param body the decoded text, not null
     * @param etag the ETag served, or null
     * @param lastModified the Last-Modified served, or null
     */
    record Content(String body, String etag, String lastModified) implements FetchResult {
        public Content {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * The fetch failed.
     *
     * @param message why, for people; never a full URL
     * @param httpStatus the HTTP status, or 0 when there was no response
     * @param retryAfter when the server asked to be called again (Retry-After), or null
     */
    record Failed(String message, int httpStatus, Instant retryAfter) implements FetchResult {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }
}
