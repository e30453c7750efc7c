package io.bokit.core.domain;

import java.util.Objects;

/**
 * A node's claim on one feed of a shared run, taken under a {@link HostSlot}: the node syncs the feed and records
 * its result, or loses the claim when its lease lapses and another node claims the feed again.
 *
 * @param slot the host place it was claimed under
 * @param feed the feed
 * @param feedName the feed's display name
 * @param version the feed's claim version; finishing succeeds only while it is still the latest
 */
public record FeedClaim(HostSlot slot, FeedId feed, String feedName, long version) {
    public FeedClaim {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(feedName, "feedName");
    }
}
