package io.bokit.core.application;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.FeedEvent;
import java.time.LocalDate;
import java.util.List;

/** Turns a feed body into events by the channel rules; the core's is the iCal parser. */
@FunctionalInterface
public interface FeedParser {

    /**
     * Parses a body.
     *
     * @param body the decoded text
     * @param calendar the feed's calendar (its zone reads floating times and local dates)
     * @param today today in that zone (recurring events are expanded around it)
     * @return the events and the count of damaged events skipped
     * @throws io.bokit.core.domain.FeedParseException if the body is not iCalendar
     */
    Parsed parse(String body, Calendar calendar, LocalDate today);

    /**
     * What a body held.
     *
     * @param events the events, in feed order
     * @param damaged events that could not be read
     */
    record Parsed(List<FeedEvent> events, int damaged) {
        public Parsed {
            events = List.copyOf(events);
        }
    }
}
