package io.bokit.core.ical;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Reads iCalendar DATE, DATE-TIME and DURATION texts by hand (no regex, no formatter), tolerating ISO dashes and
 * colons and missing seconds. Stateless.
 */
final class DateValues {
    private DateValues() {}

    /**
     * The value of a DTSTART-like property.
     *
     * @param zones resolves the TZID; floating times fall back to the calendar's zone
     * @throws DamagedEventException when the text is not a date or date-time
     */
    static EventTime parse(RawValue raw, TimeZones zones) throws DamagedEventException {
        String text = compact(raw.text());
        int length = text.length();
        if (length < 8 || !digits(text, 0, 8)) {
            throw new DamagedEventException("unreadable date");
        }
        try {
            LocalDate date = LocalDate.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
            if (length == 8 || raw.date()) {
                return EventTime.of(date);
            }
            boolean utc = text.charAt(length - 1) == 'Z' || text.charAt(length - 1) == 'z';
            int timeEnd = utc ? length - 1 : length;
            int timeLength = timeEnd - 9;
            if ((text.charAt(8) != 'T' && text.charAt(8) != 't')
                    || (timeLength != 6 && timeLength != 4)
                    || !digits(text, 9, timeEnd)) {
                throw new DamagedEventException("unreadable date-time");
            }
            int second = timeLength == 6 ? number(text, 13, 15) : 0;
            LocalDateTime local = date.atTime(number(text, 9, 11), number(text, 11, 13), second);
            ZoneId zone = utc ? ZoneOffset.UTC : zones.resolve(raw.tzid());
            return EventTime.of(ZonedDateTime.of(local, zone));
        } catch (DateTimeException e) {
            throw new DamagedEventException("impossible date");
        }
    }

    /**
     * Adds an iCalendar duration ({@code P1D}, {@code PT2H30M}, {@code P1W}, {@code P1DT12H}) to {@code start}.
     * Days are nominal; a date start ignores the time part.
     *
     * @throws DamagedEventException when the text is not a duration or is negative
     */
    static EventTime plusDuration(EventTime start, String text) throws DamagedEventException {
        String value = text.strip();
        int i = 0;
        if (i < value.length() && value.charAt(i) == '+') {
            i++;
        }
        if (i >= value.length() || Character.toUpperCase(value.charAt(i)) != 'P') {
            throw new DamagedEventException("unreadable or negative duration");
        }
        i++;
        long days = 0;
        long seconds = 0;
        boolean time = false;
        boolean any = false;
        long amount = -1;
        for (; i < value.length(); i++) {
            char c = Character.toUpperCase(value.charAt(i));
            if (c >= '0' && c <= '9') {
                amount = (amount < 0 ? 0 : amount * 10) + (c - '0');
                if (amount > 1_000_000) {
                    throw new DamagedEventException("duration too long");
                }
                continue;
            }
            if (c == 'T') {
                time = true;
                continue;
            }
            if (amount < 0) {
                throw new DamagedEventException("unreadable duration");
            }
            switch (c) {
                case 'W' -> days += 7 * amount;
                case 'D' -> days += amount;
                case 'H' -> seconds += 3600 * amount;
                case 'M' -> {
                    if (!time) {
                        throw new DamagedEventException("months are not an iCalendar duration");
                    }
                    seconds += 60 * amount;
                }
                case 'S' -> seconds += amount;
                default -> throw new DamagedEventException("unreadable duration");
            }
            any = true;
            amount = -1;
        }
        if (!any || amount >= 0) {
            throw new DamagedEventException("unreadable duration");
        }
        if (start.isDate()) {
            return EventTime.of(start.date().plusDays(days + seconds / 86_400));
        }
        return EventTime.of(start.dateTime().plusDays(days).plusSeconds(seconds));
    }

    private static String compact(String text) {
        String value = text.strip();
        if (value.indexOf('-') < 0 && value.indexOf(':') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c != '-' && c != ':') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean digits(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int k = from; k < to; k++) {
            value = value * 10 + (text.charAt(k) - '0');
        }
        return value;
    }
}
