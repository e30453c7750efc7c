package io.bokit.core.domain;

import java.util.Objects;

/**
 * A feed as a shared run plans it: which feed, its name for the report, and the channel host it is fetched from
 * (the unit of politeness, counted on every node together).
 *
 * @param feed the feed's id
 * @param feedName the feed's display name, never its URL
 * @param host the host of the feed's URL, e.g. {@code www.airbnb.com}
 */
public record RunFeed(FeedId feed, String feedName, String host) {
    public RunFeed {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(feedName, "feedName");
        Objects.requireNonNull(host, "host");
    }

    /** The plan of one feed. */
    public static RunFeed of(Feed feed) {
        return new RunFeed(feed.id(), feed.name(), feed.url().host());
    }
}
