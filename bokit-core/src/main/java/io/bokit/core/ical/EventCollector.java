package io.bokit.core.ical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.ContentHandler;

/**
 * Receives ical4j's streaming parse callbacks and keeps, for each top-level VEVENT of every VCALENDAR, the raw
 * properties the channel rules need. Nested components (VALARM) and every other component are ignored. Not
 * thread-safe; one per parse.
 */
final class EventCollector implements ContentHandler {
    private final List<RawEvent> events = new ArrayList<>();
    private int depth;
    private RawEvent current;
    private String property;
    private String tzid;
    private boolean dateValue;

    @Override
    public void startCalendar() {
        depth = 0;
        current = null;
    }

    @Override
    public void endCalendar() {
        // nothing to do: events are kept as they end
    }

    @Override
    public void startComponent(String name) {
        depth++;
        if (depth == 1 && "VEVENT".equalsIgnoreCase(name)) {
            current = new RawEvent();
        }
    }

    @Override
    public void endComponent(String name) {
        if (depth == 1 && current != null) {
            events.add(current);
            current = null;
        }
        depth--;
    }

    @Override
    public void startProperty(String name) {
        property = null;
        if (current != null && depth == 1) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            if (RawEvent.isRead(upper)) {
                property = upper;
                tzid = null;
                dateValue = false;
            }
        }
    }

    @Override
    public void parameter(String name, String value) {
        if (property == null) {
            return;
        }
        if ("TZID".equalsIgnoreCase(name.strip())) {
            tzid = value;
        } else if ("VALUE".equalsIgnoreCase(name.strip())) {
            dateValue = "DATE".equalsIgnoreCase(value.strip());
        }
    }

    @Override
    public void propertyValue(String value) {
        if (property != null) {
            current.accept(property, value, tzid, dateValue);
        }
    }

    @Override
    public void endProperty(String name) {
        property = null;
    }

    /** The events collected so far, in feed order. */
    List<RawEvent> events() {
        return events;
    }
}
