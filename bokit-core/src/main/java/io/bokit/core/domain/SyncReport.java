package io.bokit.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync run did: one result per feed, in the order the feeds were listed.
 *
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param feeds one result per feed
 */
public record SyncReport(Instant startedAt, Instant finishedAt, List<FeedResult> feeds) {
    public SyncReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        feeds = List.copyOf(feeds);
    }

    /** The counters summed over every feed. */
    public SyncCounters totals() {
        return feeds.stream().map(FeedResult::counters).reduce(SyncCounters.ZERO, SyncCounters::plus);
    }

    /** How many feeds failed. */
    public int errors() {
        return (int) feeds.stream().filter(FeedResult::failed).count();
    }

    /** How long the run took. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** The result of one feed, if it was part of the run. */
    public Optional<FeedResult> feed(FeedId id) {
        return feeds.stream().filter(result -> result.feed().equals(id)).findFirst();
    }

    /** Totals and errors as {@code {"total":n,…,"errors":n}}, the shape of the seed's log line. */
    public String totalsJson() {
        String counters = totals().toJson();
        return counters.substring(0, counters.length() - 1) + ",\"errors\":" + errors() + "}";
    }
}
