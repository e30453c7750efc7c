package io.bokit.core.domain;

/** A fetched body is not an iCalendar document (HTML page, empty, truncated, garbage). */
public final class FeedParseException extends BokitException {
    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
