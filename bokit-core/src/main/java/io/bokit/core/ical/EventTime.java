package io.bokit.core.ical;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A DTSTART-like value: a whole day, or an exact time with its zone. Exactly one of the two is set.
 *
 * @param date the day of an all-day value, or null
 * @param dateTime the exact time of a timed value, or null
 */
record EventTime(LocalDate date, ZonedDateTime dateTime) {

    static EventTime of(LocalDate date) {
        return new EventTime(date, null);
    }

    static EventTime of(ZonedDateTime dateTime) {
        return new EventTime(null, dateTime);
    }

    boolean isDate() {
        return date != null;
    }

    /** The day this value falls on in {@code zone} (the calendar's zone). */
    LocalDate dayIn(ZoneId zone) {
        return date != null ? date : dateTime.withZoneSameInstant(zone).toLocalDate();
    }

    /** This value as the same kind as {@code other}: a day becomes its midnight in other's zone, a time its day. */
    EventTime asKindOf(EventTime other, ZoneId calendarZone) {
        if (isDate() == other.isDate()) {
            return this;
        }
        return isDate()
                ? of(date.atStartOfDay(other.dateTime.getZone()))
                : of(dateTime.withZoneSameInstant(calendarZone).toLocalDate());
    }

    boolean isBefore(EventTime other) {
        return date != null ? date.isBefore(other.date) : dateTime.toInstant().isBefore(other.dateTime.toInstant());
    }

    /** The text identifying an occurrence: ISO date for a day, ISO instant in UTC for a time. */
    String idText() {
        return date != null ? date.toString() : dateTime.toInstant().toString();
    }
}
