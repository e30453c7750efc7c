package io.bokit.core.domain;

import java.util.Objects;

/**
 * One event as a feed states it, after the channel rules: the booking's key and values.
 *
 * @param key its identity within the feed
 * @param data its values
 */
public record FeedEvent(BookingKey key, BookingData data) {
    public FeedEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
    }
}
