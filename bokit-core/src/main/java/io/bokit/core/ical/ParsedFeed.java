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
 * @param skippedReasons why, for the first {@link #MAX_REASONS} skipped events (e.g. {@code "no DTSTART (UID x)"});
 *     never null
 */
public record ParsedFeed(List<FeedEvent> events, int skipped, int eventsSeen, List<String> skippedReasons) {
    /** How many skipped events' reasons are kept at most. */
    public static final int MAX_REASONS = 5;

    public ParsedFeed {
        events = List.copyOf(events);
        if (skipped < 0 || eventsSeen < 0) {
            throw new InvalidInputException("Counts must not be negative: skipped " + skipped + ", seen " + eventsSeen);
        }
        skippedReasons = skippedReasons == null
                ? List.of()
                : List.copyOf(skippedReasons.subList(0, Math.min(skippedReasons.size(), MAX_REASONS)));
    }

    /** A parse result without skipped reasons. */
    public ParsedFeed(List<FeedEvent> events, int skipped, int eventsSeen) {
        this(events, skipped, eventsSeen, List.of());
    }

    /**
     * A skipped event's reason as kept in {@link #skippedReasons()}: the reason, then its UID when it has one.
     *
     * @param reason why it was skipped, e.g. {@code no DTSTART}
     * @param uid its UID, or null
     * @return a short line, never null
     */
    static String reason(String reason, String uid) {
        String why = reason == null || reason.isBlank() ? "damaged" : shorten(reason);
        if (uid == null || uid.isBlank()) {
            return why;
        }
        return why + " (UID " + shorten(uid) + ")";
    }

    /**
     * Text from a feed made safe to show: one line of at most 80 characters, control characters replaced, so a
     * hostile feed cannot make a report or a log line long or write to a terminal.
     *
     * @param text the text, not null
     * @return the text shortened, never null
     */
    public static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
