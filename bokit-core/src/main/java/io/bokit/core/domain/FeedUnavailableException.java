package io.bokit.core.domain;

/** A feed could not be fetched (network, HTTP status, refused address); never carries a full URL. */
public final class FeedUnavailableException extends BokitException {
    public FeedUnavailableException(String message) {
        super(message);
    }

    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
