package io.bokit.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * The result of one feed in a run.
 *
 * @param feed the feed's id
 * @param feedName the feed's display name (never its URL)
 * @param outcome how it ended
 * @param counters its counters ({@link SyncCounters#ZERO} when it failed)
 * @param error why it failed, or null
 * @param note why a feed that did not fail did less than usual, or null: until when a backed-off feed rests, or that
 *     an empty feed was held by the empty-feed guard; never a URL
 * @param skippedReasons why events were skipped, for the first {@link #MAX_SKIPPED_REASONS} of them (e.g.
 *     {@code "no DTSTART (UID x)"}); empty when none was
 */
public record FeedResult(
        FeedId feed,
        String feedName,
        FeedOutcome outcome,
        SyncCounters counters,
        String error,
        String note,
        List<String> skippedReasons) {

    /** How many skipped events' reasons a result keeps at most; the counters hold the full count. */
    public static final int MAX_SKIPPED_REASONS = 5;

    public FeedResult {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(feedName, "feedName");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(counters, "counters");
        if ((outcome == FeedOutcome.FAILED) != (error != null)) {
            throw new IllegalArgumentException("An error message goes with a failed outcome, and only with it");
        }
        skippedReasons = skippedReasons == null
                ? List.of()
                : List.copyOf(skippedReasons.subList(0, Math.min(skippedReasons.size(), MAX_SKIPPED_REASONS)));
    }

    /** A result without a note or skipped reasons (the form before they existed). */
    public FeedResult(FeedId feed, String feedName, FeedOutcome outcome, SyncCounters counters, String error) {
        this(feed, feedName, outcome, counters, error, null, List.of());
    }

    /** A failed feed. */
    public static FeedResult failed(Feed feed, String error) {
        return new FeedResult(feed.id(), feed.name(), FeedOutcome.FAILED, SyncCounters.ZERO, error);
    }

    /**
     * Whether the empty-feed guard held the feed: it parsed to no events while future bookings were expected, and
     * nothing vanished (a synced result with a {@link #note()} says so).
     */
    public boolean held() {
        return outcome == FeedOutcome.SYNCED && note != null;
    }

    /** Whether the feed failed. */
    public boolean failed() {
        return outcome == FeedOutcome.FAILED;
    }
}
