package io.bokit.core.application;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.ical.ICalParser;
import io.bokit.core.ical.ParseContext;
import io.bokit.core.ical.ParsedFeed;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** Turns a feed body into events by the channel rules; {@link #ical()} is bokit's iCal parser. */
@FunctionalInterface
public interface FeedParser {

    /**
     * Parses a body.
     *
     * @param body the decoded text
     * @param calendar the feed's calendar (its zone reads floating times and local dates)
     * @param today today in that zone (recurring events are expanded around it)
     * @return the events and the count of damaged events skipped, never null
     * @throws io.bokit.core.domain.FeedParseException if the body is not iCalendar
     */
    Parsed parse(String body, Calendar calendar, LocalDate today);

    /** The iCal parser, expanding recurring events from one year back to two years ahead. */
    static FeedParser ical() {
        return ical(ParseContext.DEFAULT_BACK, ParseContext.DEFAULT_AHEAD);
    }

    /**
     * The iCal parser with another recurrence window.
     *
     * @param back how far before today occurrences of recurring events are imported
     * @param ahead how far after today
     */
    static FeedParser ical(Period back, Period ahead) {
        ICalParser parser = new ICalParser();
        return (body, calendar, today) -> {
            ParsedFeed parsed =
                    parser.parse(body, ParseContext.of(calendar.zone(), today).withWindow(back, ahead));
            return new Parsed(parsed.events(), parsed.skipped(), parsed.eventsSeen(), parsed.skippedReasons());
        };
    }

    /**
     * The result of parsing one feed body, in the exported API (the iCal mapping's own types are internal). Immutable
     * and thread-safe.
     *
     * @param events the bookings read, in feed order (occurrences of recurring events last), never null; keys may
     *     repeat when the feed repeats a UID
     * @param skipped how many damaged events were skipped (no start, unparseable date, end before start …)
     * @param eventsSeen how many VEVENTs the feed holds (recurring ones count once)
     * @param skippedReasons why the first skipped events were skipped, one short line each (at most
     *     five), never null
     */
    record Parsed(List<FeedEvent> events, int skipped, int eventsSeen, List<String> skippedReasons) {
        /** Copies the lists and refuses negative counts. */
        public Parsed {
            events = List.copyOf(events);
            skippedReasons = List.copyOf(skippedReasons);
            if (skipped < 0 || eventsSeen < 0) {
                throw new InvalidInputException(
                        "Counts must not be negative: skipped " + skipped + ", seen " + eventsSeen);
            }
        }

        /** A result without skip reasons. */
        public Parsed(List<FeedEvent> events, int skipped, int eventsSeen) {
            this(events, skipped, eventsSeen, List.of());
        }
    }
}
