package io.bokit.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses a {@code Retry-After} header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {
    /** A server asking for more than this is capped, so a hostile or broken header can't park a feed for years. */
    static final Duration MAX = Duration.ofDays(7);

    private RetryAfter() {}

    /**
     * The instant the server asked to be called again.
     *
     * @param value the header value, or null
     * @param now the current instant
     * @return the instant (at most {@link #MAX} after now), or null when absent or unreadable
     */
    static Instant parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            if (text.length() > 9) {
                return now.plus(MAX);
            }
            return now.plus(min(Duration.ofSeconds(Long.parseLong(text))));
        }
        try {
            Instant date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return date.isAfter(now.plus(MAX)) ? now.plus(MAX) : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration min(Duration requested) {
        return requested.compareTo(MAX) > 0 ? MAX : requested;
    }
}
