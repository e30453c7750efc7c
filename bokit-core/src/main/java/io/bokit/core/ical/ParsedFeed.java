package io.bokit.core.ical;

import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.InvalidInputException;
import java.util.List;

/**
 * The result of parsing one feed body. Immutable and thread-safe.
 *
 * @param events the bookings read, in feed order (occurrences of recurring events last), never null; keys may repeat
 *     when the feed repeats a UID
 * @param skipped how many damaged events were skipped (no start, unparseable date, end before start …)
 * @param eventsSeen how many VEVENTs the feed holds (recurring ones count once)
 */
public record ParsedFeed(List<FeedEvent> events, int skipped, int eventsSeen) {
    public ParsedFeed {
        events = List.copyOf(events);
        if (skipped < 0 || eventsSeen < 0) {
            throw new InvalidInputException("Counts must not be negative: skipped " + skipped + ", seen " + eventsSeen);
        }
    }
}
