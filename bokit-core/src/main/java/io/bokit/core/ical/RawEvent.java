package io.bokit.core.ical;

import java.util.ArrayList;
import java.util.List;

/**
 * The properties of one VEVENT that the channel rules read, as text. The first occurrence of a single-valued property
 * wins (feeds that repeat DTSTART mean the first one). A property with nothing after its colon counts as absent
 * ({@code RRULE:} is no rule), except RECURRENCE-ID: an override that does not say what it replaces is damaged.
 * Mutable; filled by {@link EventCollector}.
 */
final class RawEvent {
    String uid;
    String summary;
    String description;
    String status;
    RawValue start;
    RawValue end;
    String duration;
    String rrule;
    RawValue recurrenceId;
    final List<RawValue> exdates = new ArrayList<>(0);
    final List<RawValue> rdates = new ArrayList<>(0);
    /** Why the event cannot be read (the first reason), or null. */
    String damage;

    void accept(String name, String value, String tzid, boolean date) {
        if (value.isBlank() && !name.equals("RECURRENCE-ID")) {
            return;
        }
        switch (name) {
            case "UID" -> uid = uid == null ? value : uid;
            case "SUMMARY" -> summary = summary == null ? value : summary;
            case "DESCRIPTION" -> description = description == null ? value : description;
            case "STATUS" -> status = status == null ? value : status;
            case "DTSTART" -> start = start == null ? new RawValue(value, tzid, date) : start;
            case "DTEND" -> end = end == null ? new RawValue(value, tzid, date) : end;
            case "DURATION" -> duration = duration == null ? value : duration;
            case "RRULE" -> rrule = rrule == null ? value : rrule;
            case "RECURRENCE-ID" -> recurrenceId =
                    recurrenceId == null ? new RawValue(value, tzid, date) : recurrenceId;
            case "EXDATE" -> exdates.add(new RawValue(value, tzid, date));
            case "RDATE" -> rdates.add(new RawValue(value, tzid, date));
            default -> {
                // not read by the channel rules
            }
        }
    }

    /** Marks the event damaged: it is skipped and counted. The first reason is kept. */
    void damage(String reason) {
        damage = damage == null ? reason : damage;
    }

    /** Whether the property {@code name} (upper case) is one {@link #accept} keeps. */
    static boolean isRead(String name) {
        return switch (name) {
            case "UID",
                    "SUMMARY",
                    "DESCRIPTION",
                    "STATUS",
                    "DTSTART",
                    "DTEND",
                    "DURATION",
                    "RRULE",
                    "RECURRENCE-ID",
                    "EXDATE",
                    "RDATE" -> true;
            default -> false;
        };
    }
}
