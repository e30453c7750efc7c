package io.bokit.core.ical;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.FeedParseException;
import io.bokit.core.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a channel's iCalendar feed into bookings, applying the channel rules (Airbnb, Booking.com, Agoda, Beds24,
 * OwnerRez, Google …) and expanding recurring events inside the recurrence window.
 *
 * <p>The text is first repaired line by line (byte-order mark, any line ends, TAB folds, broken folds, folds that
 * split a character, blank lines), then streamed content line by content line; no ical4j object model is built
 * (ical4j only expands RRULEs) and the network is never used (time zones are resolved with {@code java.time}). No
 * single line can fail a feed: an unreadable line costs at most its event, which is skipped and counted. A body that
 * is not iCalendar (empty, HTML, no {@code BEGIN:VCALENDAR} first, no {@code END:VCALENDAR}, nested too deep, binary
 * noise) fails as a whole.
 *
 * <p>Stateless and thread-safe: one instance can serve every feed and thread.
 */
public final class ICalParser {
    private static final Logger LOG = LoggerFactory.getLogger(ICalParser.class);
    private static final String BEGIN_CALENDAR = "BEGIN:VCALENDAR";
    private static final String END_CALENDAR = "END:VCALENDAR";
    private static final int SAFE_PREFIX_LENGTH = 15;
    /** Far deeper than any feed (VCALENDAR, VEVENT, VALARM is 3): deeper nesting is not a calendar. */
    static final int MAX_NESTING = 50;
    /**
     * Lines that are neither content lines nor text (control characters, bytes that are not UTF-8) from which a body
     * inside a VCALENDAR envelope is garbage, not a damaged calendar; one damaged line never reaches it.
     */
    static final int NOISE_LINES = 5;

    /** A parser; it holds no state. */
    public ICalParser() {}

    /**
     * Parses one feed body.
     *
     * @param body the decoded body of the feed, may be null (then it is empty)
     * @param context the calendar's zone, today and the recurrence window, not null
     * @return the bookings read, the number of damaged events skipped and the number of VEVENTs seen; never null
     * @throws FeedParseException when the body is not an iCalendar document (empty, HTML, truncated before
     *     {@code END:VCALENDAR}, garbage); its message names the problem but never quotes more than a few
     *     characters of the body
     */
    public ParsedFeed parse(String body, ParseContext context) {
        Objects.requireNonNull(context, "context");
        LineUnfolder.Unfolded unfolded = LineUnfolder.unfoldCounting(body == null ? "" : body);
        String text = unfolded.text();
        checkEnvelope(text);
        if (unfolded.noiseLines() >= NOISE_LINES) {
            throw new FeedParseException(
                    "Feed body is not iCalendar: " + unfolded.noiseLines() + " of its lines are binary noise");
        }
        EventCollector collector = new EventCollector();
        collector.collect(text);
        return map(collector.events(), context);
    }

    private static void checkEnvelope(String text) {
        if (text.isEmpty()) {
            throw new FeedParseException("Feed body is empty");
        }
        if (!text.startsWith(BEGIN_CALENDAR)) {
            String kind = text.charAt(0) == '<' ? "an HTML or XML page" : "not iCalendar";
            throw new FeedParseException("Feed body is " + kind + ": it starts with \"" + safePrefix(text)
                    + "\" instead of " + BEGIN_CALENDAR);
        }
        if (!text.endsWith(END_CALENDAR + "\n") && !text.contains("\n" + END_CALENDAR + "\n")) {
            throw new FeedParseException("Feed body is truncated: no " + END_CALENDAR);
        }
        checkNesting(text);
    }

    /** Refuses components nested deeper than {@link #MAX_NESTING}, a body no calendar program writes. */
    private static void checkNesting(String text) {
        int depth = 0;
        int line = 0;
        while (line < text.length()) {
            if (text.startsWith("BEGIN:", line)) {
                if (++depth > MAX_NESTING) {
                    throw new FeedParseException("Feed body nests components more than " + MAX_NESTING + " deep");
                }
            } else if (text.startsWith("END:", line)) {
                depth = Math.max(0, depth - 1);
            }
            int next = text.indexOf('\n', line);
            line = next < 0 ? text.length() : next + 1;
        }
    }

    private static String safePrefix(String text) {
        StringBuilder out = new StringBuilder(SAFE_PREFIX_LENGTH);
        for (int k = 0; k < text.length() && out.length() < SAFE_PREFIX_LENGTH && text.charAt(k) != '\n'; k++) {
            char c = text.charAt(k);
            boolean safe = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || " <>!-:/=".indexOf(c) >= 0;
            out.append(safe ? c : '?');
        }
        return out.toString();
    }

    private static ParsedFeed map(List<RawEvent> events, ParseContext context) {
        TimeZones zones = new TimeZones(context.zone());
        EventMapper mapper = new EventMapper(context.zone(), zones);
        List<FeedEvent> parsed = new ArrayList<>(events.size());
        List<Recurring> recurring = new ArrayList<>();
        Map<String, Set<String>> overridden = new HashMap<>();
        Map<String, EventTime> masterStarts = masterStarts(events, zones);
        int skipped = 0;
        List<String> reasons = new ArrayList<>();
        for (RawEvent raw : events) {
            try {
                MappedEvent event = mapper.map(raw);
                if (raw.recurrenceId != null) {
                    String recurrenceId =
                            occurrenceId(DateValues.parse(raw.recurrenceId, zones), masterStarts.get(event.uid()));
                    parsed.add(new FeedEvent(new BookingKey(event.uid(), recurrenceId), mapper.data(event)));
                    overridden
                            .computeIfAbsent(event.uid(), uid -> new HashSet<>())
                            .add(recurrenceId);
                } else if (raw.rrule != null || !raw.rdates.isEmpty()) {
                    recurring.add(new Recurring(raw, event));
                } else {
                    parsed.add(new FeedEvent(BookingKey.of(event.uid()), mapper.data(event)));
                }
            } catch (DamagedEventException | InvalidInputException e) {
                skipped++;
                reasons.add(ParsedFeed.reason(e.getMessage(), raw.uid));
                LOG.debug("Skipped a damaged event (UID {}): {}", raw.uid, e.getMessage());
            }
        }
        RecurrenceExpander expander = new RecurrenceExpander(context, zones);
        for (Recurring series : recurring) {
            MappedEvent master = series.event();
            try {
                Set<String> replaced = overridden.getOrDefault(master.uid(), Set.of());
                List<FeedEvent> occurrences = new ArrayList<>();
                for (EventTime start : expander.starts(series.raw(), master.start(), replaced)) {
                    occurrences.add(new FeedEvent(
                            new BookingKey(master.uid(), start.idText()), mapper.occurrence(master, start)));
                }
                parsed.addAll(occurrences);
            } catch (DamagedEventException | InvalidInputException e) {
                skipped++;
                reasons.add(ParsedFeed.reason(e.getMessage(), master.uid()));
                LOG.debug("Skipped a damaged recurring event (UID {}): {}", master.uid(), e.getMessage());
            }
        }
        return new ParsedFeed(parsed, skipped, events.size(), reasons);
    }

    /** The start of each recurring master event that has a UID, by UID (the first master of a UID counts). */
    private static Map<String, EventTime> masterStarts(List<RawEvent> events, TimeZones zones) {
        Map<String, EventTime> starts = new HashMap<>();
        for (RawEvent raw : events) {
            boolean master = raw.recurrenceId == null && (raw.rrule != null || !raw.rdates.isEmpty());
            if (master && raw.damage == null && raw.start != null && raw.uid != null && !raw.uid.isBlank()) {
                try {
                    starts.putIfAbsent(raw.uid.strip(), DateValues.parse(raw.start, zones));
                } catch (DamagedEventException e) {
                    // the master itself is skipped and counted when it is mapped
                }
            }
        }
        return starts;
    }

    /**
     * The id of the occurrence a RECURRENCE-ID names, in the kind of its master's start: a date-time names the date
     * written in it when the master is all-day (Google writes {@code 20270101T000000Z} for the day 2027-01-01), and a
     * date names that day of a timed master.
     */
    private static String occurrenceId(EventTime recurrenceId, EventTime masterStart) {
        if (masterStart != null && masterStart.isDate() && !recurrenceId.isDate()) {
            return recurrenceId.dateTime().toLocalDate().toString();
        }
        return recurrenceId.idText();
    }

    /** A recurring event waiting for its overrides to be known before it is expanded. */
    private record Recurring(RawEvent raw, MappedEvent event) {}
}
