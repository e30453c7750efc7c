package io.bokit.core.ical;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Streams the unfolded content lines of a feed and keeps, for each VEVENT, the raw properties the channel rules
 * need. Only a {@code BEGIN:}/{@code END:} line (no parameters) opens or closes a component. It recovers from any
 * single line: an unreadable line is ignored when its property is not one the rules read,
 * and damages its event when it is; a {@code BEGIN:VEVENT} always starts a new event (an event still open is
 * damaged: it never ended), an {@code END:} closes the innermost open component of that name and is ignored when
 * none is open. Nested components (VALARM) and every component outside an event (VTIMEZONE, VTODO …) are ignored.
 * Not thread-safe; one per parse.
 */
final class EventCollector {
    private static final String VEVENT = "VEVENT";
    private static final String VCALENDAR = "VCALENDAR";

    private final List<RawEvent> events = new ArrayList<>();
    /** The components open inside the current event (VALARM …), innermost first. */
    private final Deque<String> nested = new ArrayDeque<>();

    private RawEvent current;

    /** Collects the events of {@code unfolded}, whose content lines each end with {@code \n}. */
    void collect(String unfolded) {
        int start = 0;
        while (start < unfolded.length()) {
            int end = unfolded.indexOf('\n', start);
            if (end < 0) {
                end = unfolded.length();
            }
            if (unfolded.startsWith("BEGIN:", start)) {
                begin(component(unfolded, start + "BEGIN:".length(), end));
            } else if (unfolded.startsWith("END:", start)) {
                end(component(unfolded, start + "END:".length(), end));
            } else {
                property(ContentLine.lex(unfolded, start, end));
            }
            start = end + 1;
        }
        if (current != null) {
            close("it never ends");
        }
    }

    private void begin(String component) {
        if (component.equals(VEVENT)) {
            if (current != null) {
                close("it never ends (a BEGIN:VEVENT came first)");
            }
            current = new RawEvent();
        } else if (component.equals(VCALENDAR)) {
            if (current != null) {
                close("it never ends (a BEGIN:VCALENDAR came first)");
            }
        } else if (current != null) {
            nested.push(component);
        }
    }

    private void end(String component) {
        if (current == null) {
            return;
        }
        if (component.equals(VEVENT)) {
            close(null);
        } else if (nested.contains(component)) {
            while (!nested.pop().equals(component)) {
                // components opened inside it and never ended end with it
            }
        } else if (component.equals(VCALENDAR)) {
            close("it never ends (END:VCALENDAR came first)");
        }
    }

    private void property(ContentLine line) {
        if (line == null || current == null || !nested.isEmpty() || !RawEvent.isRead(line.name())) {
            return;
        }
        if (line.readable()) {
            current.accept(line.name(), line.value(), line.tzid(), line.date());
        } else {
            current.damage("unreadable " + line.name() + " line");
        }
    }

    private void close(String damage) {
        if (damage != null) {
            current.damage(damage);
        }
        events.add(current);
        current = null;
        nested.clear();
    }

    /**
     * The component name of a {@code BEGIN:}/{@code END:} line ({@link LineUnfolder} upper-cased it): its leading name
     * characters, so that damage after the name ({@code END:VEVENT=x}, a fold of junk) does not hide it.
     */
    private static String component(String text, int from, int to) {
        int start = from;
        while (start < to && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < to && LineUnfolder.isNameChar(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /** The events collected so far, in feed order. */
    List<RawEvent> events() {
        return events;
    }
}
