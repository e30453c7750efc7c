package io.bokit.core.ical;

import io.bokit.core.domain.BookingKey;
import io.bokit.core.domain.FeedEvent;
import io.bokit.core.domain.FeedParseException;
import io.bokit.core.domain.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a channel's iCalendar feed into bookings, applying the channel rules (Airbnb, Booking.com, Agoda, Beds24,
 * OwnerRez, Google …) and expanding recurring events inside the recurrence window.
 *
 * <p>The text is first repaired line by line (byte-order mark, any line ends, TAB folds, folds that split a
 * character, blank lines), then streamed through ical4j's {@code CalendarParser}; no ical4j object model is built
 * and the network is never used (time zones are resolved with {@code java.time}). A damaged event is skipped and
 * counted; a body that is not iCalendar fails as a whole.
 *
 * <p>Stateless and thread-safe: one instance can serve every feed and thread.
 */
public final class ICalParser {
    private static final Logger LOG = LoggerFactory.getLogger(ICalParser.class);
    private static final String BEGIN_CALENDAR = "BEGIN:VCALENDAR";
    private static final String END_CALENDAR = "END:VCALENDAR";
    private static final int SAFE_PREFIX_LENGTH = 15;
    /** Far deeper than any feed (VCALENDAR, VEVENT, VALARM is 3); ical4j recurses once per level. */
    static final int MAX_NESTING = 50;

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
        String text = LineUnfolder.unfold(body == null ? "" : body);
        checkEnvelope(text);
        EventCollector collector = new EventCollector();
        try {
            new CalendarParserImpl(false).parse(new CharSequenceReader(text), collector);
        } catch (ParserException e) {
            throw new FeedParseException("Malformed iCalendar near content line " + e.getLineNo());
        } catch (IOException | RuntimeException e) {
            throw new FeedParseException("Malformed iCalendar (" + e.getClass().getSimpleName() + ")");
        }
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

    /** Refuses components nested deeper than {@link #MAX_NESTING}, before ical4j's recursion overflows the stack. */
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
        int skipped = 0;
        List<String> reasons = new ArrayList<>();
        for (RawEvent raw : events) {
            try {
                MappedEvent event = mapper.map(raw);
                if (raw.recurrenceId != null) {
                    String recurrenceId =
                            DateValues.parse(raw.recurrenceId, zones).idText();
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

    /** A recurring event waiting for its overrides to be known before it is expanded. */
    private record Recurring(RawEvent raw, MappedEvent event) {}
}
