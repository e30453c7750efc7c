package io.bokit.core.domain;

import java.time.Instant;

/** A feed could not be fetched (network, HTTP status, refused address); never carries a full URL. */
public final class FeedUnavailableException extends BokitException {
    private final transient Instant retryAfter;

    public FeedUnavailableException(String message) {
        this(message, (Instant) null);
    }

    /**
     * A failure after which the server asked to be called again no earlier than an instant.
     *
     * @param retryAfter the server's Retry-After, or null
     */
    public FeedUnavailableException(String message, Instant retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    /** When the server asked to be called again (HTTP Retry-After), or null. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
