package io.bokit.core.domain;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /**
     * The channel hosts of a run's feeds, each once, in the order of their first feed; checks what every
     * {@link io.bokit.core.port.out.SharedRunPort#open} refuses.
     *
     * @throws IllegalArgumentException if a feed is listed twice or {@code perHost} is not 1 to 64
     */
    public static Set<String> hostsOf(List<RunFeed> feeds, int perHost) {
        if (perHost < 1 || perHost > 64) {
            throw new IllegalArgumentException("perHost must be 1 to 64, not " + perHost);
        }
        Set<FeedId> seen = new HashSet<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (RunFeed each : feeds) {
            if (!seen.add(each.feed())) {
                throw new IllegalArgumentException("A run lists feed " + each.feed() + " twice");
            }
            hosts.add(each.host());
        }
        return hosts;
    }

    /** The plan of one feed. */
    public static RunFeed of(Feed feed) {
        return new RunFeed(feed.id(), feed.name(), feed.url().host());
    }
}
