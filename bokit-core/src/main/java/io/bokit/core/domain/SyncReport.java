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
 * @param openDoubleBookings how many double-booking records were open when the run finished, 0 or more
 * @param doubleBookingsOpened the double-booking records this run opened, in the order found
 */
public record SyncReport(
        Instant startedAt,
        Instant finishedAt,
        List<FeedResult> feeds,
        int openDoubleBookings,
        List<DoubleBooking> doubleBookingsOpened) {
    public SyncReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        feeds = List.copyOf(feeds);
        doubleBookingsOpened = doubleBookingsOpened == null ? List.of() : List.copyOf(doubleBookingsOpened);
        if (openDoubleBookings < 0) {
            throw new IllegalArgumentException("openDoubleBookings must be 0 or more, was " + openDoubleBookings);
        }
    }

    /** A report of a run that found no double booking. */
    public SyncReport(Instant startedAt, Instant finishedAt, List<FeedResult> feeds) {
        this(startedAt, finishedAt, feeds, 0, List.of());
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

    /**
     * Totals and errors as {@code {"total":n,…,"errors":n}}, the shape of the seed's log line, with
     * {@code "double_bookings":n} (the open ones) at the end when there are any.
     */
    public String totalsJson() {
        String counters = totals().toJson();
        return counters.substring(0, counters.length() - 1) + ",\"errors\":" + errors()
                + (openDoubleBookings == 0 ? "" : ",\"double_bookings\":" + openDoubleBookings) + "}";
    }
}
