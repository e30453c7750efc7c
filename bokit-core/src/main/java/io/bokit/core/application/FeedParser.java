package io.bokit.core.application;

import io.bokit.core.domain.Calendar;
import io.bokit.core.ical.ICalParser;
import io.bokit.core.ical.ParseContext;
import io.bokit.core.ical.ParsedFeed;
import java.time.LocalDate;
import java.time.Period;

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
    ParsedFeed parse(String body, Calendar calendar, LocalDate today);

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
        return (body, calendar, today) ->
                parser.parse(body, ParseContext.of(calendar.zone(), today).withWindow(back, ahead));
    }
}
