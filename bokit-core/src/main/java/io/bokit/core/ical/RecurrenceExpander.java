package io.bokit.core.ical;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;

/**
 * Lists the occurrences of a recurring event (RRULE, RDATE, EXDATE) that start inside the recurrence window, with
 * ical4j's {@link Recur} (pure {@code java.time} arithmetic, no time-zone registry). DTSTART always counts as the
 * first occurrence. At most {@value #MAX_OCCURRENCES} occurrences per event. Not thread-safe; one per parse.
 */
final class RecurrenceExpander {
    static final int MAX_OCCURRENCES = 10_000;

    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;
    private final TimeZones zones;

    RecurrenceExpander(ParseContext context, TimeZones zones) {
        this.zone = context.zone();
        this.from = context.windowStart();
        this.to = context.windowEnd();
        this.zones = zones;
    }

    /**
     * The starts of the occurrences inside the window, in time order, without excluded ones and without those that
     * {@code overridden} (recurrence ids) replaces.
     *
     * @throws DamagedEventException when the RRULE cannot be read
     */
    List<EventTime> starts(RawEvent raw, EventTime start, Set<String> overridden) throws DamagedEventException {
        Map<String, EventTime> found = new LinkedHashMap<>();
        if (raw.rrule != null) {
            for (EventTime occurrence : expand(raw.rrule, start)) {
                found.put(occurrence.idText(), occurrence);
            }
        }
        if (inWindow(start)) {
            found.putIfAbsent(start.idText(), start);
        }
        for (EventTime added : values(raw.rdates, start)) {
            if (inWindow(added)) {
                found.putIfAbsent(added.idText(), added);
            }
        }
        Set<LocalDate> excludedDays = new HashSet<>();
        for (EventTime excluded : values(raw.exdates, null)) {
            if (excluded.isDate() && !start.isDate()) {
                excludedDays.add(excluded.date());
            } else {
                found.remove(excluded.asKindOf(start, zone).idText());
            }
        }
        found.keySet().removeAll(overridden);
        List<EventTime> starts = new ArrayList<>(found.size());
        for (EventTime occurrence : found.values()) {
            if (excludedDays.isEmpty()
                    || !excludedDays.contains(occurrence.dateTime().toLocalDate())) {
                starts.add(occurrence);
            }
        }
        starts.sort(Comparator.comparing(EventTime::idText));
        return starts;
    }

    private List<EventTime> expand(String rrule, EventTime start) throws DamagedEventException {
        String rule = rrule.strip().toUpperCase(Locale.ROOT);
        List<EventTime> result = new ArrayList<>();
        try {
            if (start.isDate()) {
                Recur<LocalDate> recur = new Recur<>(rule, true);
                recur.getDatesAsStream(start.date(), from, to, -1)
                        .limit(MAX_OCCURRENCES)
                        .forEach(day -> result.add(EventTime.of(day)));
            } else {
                ZonedDateTime seed = start.dateTime();
                ZoneId seedZone = seed.getZone();
                ZonedDateTime periodStart = from.atStartOfDay(zone).withZoneSameInstant(seedZone);
                ZonedDateTime periodEnd =
                        to.plusDays(1).atStartOfDay(zone).minusSeconds(1).withZoneSameInstant(seedZone);
                Recur<ZonedDateTime> recur = new Recur<>(rule, true);
                recur.getDatesAsStream(seed, periodStart, periodEnd, -1)
                        .limit(MAX_OCCURRENCES)
                        .forEach(time -> result.add(EventTime.of(time)));
            }
        } catch (RuntimeException e) {
            throw new DamagedEventException("unreadable RRULE");
        }
        return result;
    }

    private List<EventTime> values(List<RawValue> raws, EventTime kind) {
        List<EventTime> result = new ArrayList<>();
        for (RawValue raw : raws) {
            for (String part : raw.text().split(",")) {
                int slash = part.indexOf('/');
                String text = slash < 0 ? part : part.substring(0, slash);
                try {
                    EventTime value = DateValues.parse(new RawValue(text, raw.tzid(), raw.date()), zones);
                    result.add(kind == null ? value : value.asKindOf(kind, zone));
                } catch (DamagedEventException e) {
                    // one unreadable RDATE/EXDATE value is ignored, the event is still usable
                }
            }
        }
        return result;
    }

    private boolean inWindow(EventTime time) {
        LocalDate day = time.dayIn(zone);
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
