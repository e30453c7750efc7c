package io.bokit.core.ical;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
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
 * first occurrence. At most {@value #MAX_OCCURRENCES} occurrences per event, and a rule that would take more than
 * {@value #MAX_STEPS} steps of its frequency from DTSTART to the end of the window (FREQ=SECONDLY from years ago: ical4j
 * walks every step) is a damaged event. Not thread-safe; one per parse.
 */
final class RecurrenceExpander {
    static final int MAX_OCCURRENCES = 10_000;
    static final long MAX_STEPS = 2_000_000;

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
     * {@code overridden} (recurrence ids) replaces: an occurrence with the same id, or a timed occurrence whose day (in
     * its own zone) is a date id.
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
        // an override names its occurrence by id, or (a date on a timed event) by the occurrence's day
        found.values()
                .removeIf(occurrence -> overridden.contains(occurrence.idText())
                        || (!occurrence.isDate()
                                && overridden.contains(
                                        occurrence.dateTime().toLocalDate().toString())));
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
        try {
            if (start.isDate()) {
                return dates(rule, start.date(), from, to).stream()
                        .map(EventTime::of)
                        .toList();
            }
            ZonedDateTime seed = start.dateTime();
            ZoneId seedZone = seed.getZone();
            ZonedDateTime periodStart = from.atStartOfDay(zone).withZoneSameInstant(seedZone);
            ZonedDateTime periodEnd =
                    to.plusDays(1).atStartOfDay(zone).minusSeconds(1).withZoneSameInstant(seedZone);
            return dates(rule, seed, periodStart, periodEnd).stream()
                    .map(EventTime::of)
                    .toList();
        } catch (RuntimeException e) {
            throw new DamagedEventException("unreadable RRULE");
        }
    }

    private static <T extends Temporal> List<T> dates(String rule, T seed, T periodStart, T periodEnd)
            throws DamagedEventException {
        Recur<T> recur = new Recur<>(rule, true);
        requireFewSteps(rule, recur.getInterval(), seed, periodEnd);
        int count = recur.getCount();
        if (count > 0 && recur.getDatesAsStream(seed, seed, seed, 1).findAny().isEmpty()) {
            // DTSTART counts as the first occurrence even when the rule does not produce it (RFC 5545 3.8.5.3)
            if (count == 1) {
                return List.of();
            }
            recur = new Recur.Builder<>(recur).count(count - 1).build();
        }
        return recur.getDatesAsStream(seed, periodStart, periodEnd, -1)
                .limit(MAX_OCCURRENCES)
                .toList();
    }

    /** Refuses a rule that ical4j would walk through more than {@link #MAX_STEPS} steps to reach the window's end. */
    private static void requireFewSteps(String rule, int interval, Temporal seed, Temporal periodEnd)
            throws DamagedEventException {
        long span = Math.abs(
                seed instanceof LocalDate
                        ? ChronoUnit.DAYS.between(seed, periodEnd) * 86_400
                        : ChronoUnit.SECONDS.between(seed, periodEnd));
        long steps = span / (stepSeconds(rule) * Math.max(1, interval));
        if (steps > MAX_STEPS) {
            throw new DamagedEventException("RRULE takes " + steps + " steps to expand, more than " + MAX_STEPS);
        }
    }

    /** The shortest step a rule's FREQ parts name, in seconds (months and years counted short). */
    private static long stepSeconds(String rule) {
        long step = 365L * 86_400;
        for (String part : rule.split(";")) {
            long seconds =
                    switch (part.strip()) {
                        case "FREQ=SECONDLY" -> 1;
                        case "FREQ=MINUTELY" -> 60;
                        case "FREQ=HOURLY" -> 3_600;
                        case "FREQ=DAILY" -> 86_400;
                        case "FREQ=WEEKLY" -> 7 * 86_400;
                        case "FREQ=MONTHLY" -> 28 * 86_400;
                        default -> step;
                    };
            step = Math.min(step, seconds);
        }
        return step;
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
