package io.bokit.core.domain;

import java.util.Objects;

/**
 * The result of one feed in a run.
 *
 * @param feed the feed's id
 * @param feedName the feed's display name (never its URL)
 * @param outcome how it ended
 * @param counters its counters ({@link SyncCounters#ZERO} when it failed)
 * @param error why it failed, or null
 */
public record FeedResult(FeedId feed, String feedName, FeedOutcome outcome, SyncCounters counters, String error) {
    public FeedResult {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(feedName, "feedName");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(counters, "counters");
        if ((outcome == FeedOutcome.FAILED) != (error != null)) {
            throw new IllegalArgumentException("An error message goes with a failed outcome, and only with it");
        }
    }

    /** A failed feed. */
    public static FeedResult failed(Feed feed, String error) {
        return new FeedResult(feed.id(), feed.name(), FeedOutcome.FAILED, SyncCounters.ZERO, error);
    }

    /** Whether the feed failed. */
    public boolean failed() {
        return outcome == FeedOutcome.FAILED;
    }
}
