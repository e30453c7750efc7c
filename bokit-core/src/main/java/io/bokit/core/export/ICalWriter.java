package io.bokit.core.export;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes an export's iCalendar body by RFC 5545: CRLF line ends, lines folded at 75 octets between
 * UTF-8 sequences, TEXT escaped, one all-day VEVENT per event sorted by check-in then UID (an empty export
 * holds one unused UTC VTIMEZONE instead, since a calendar needs a component). The same
 * events give the same text: DTSTAMP is not the time of writing but the event's first day at midnight
 * UTC, so a body only changes when a booking does. Stateless and thread-safe.
 */
public final class ICalWriter {
    /** The PRODID of every export. */
    public static final String PRODID = "-//bokit//bokit export 1.0//EN";

    /**
     * The ORGANIZER of every event: RFC 5546 wants one in a PUBLISH; a reserved {@code .invalid} address that
     * reaches no one and says nothing of the host.
     */
    public static final String ORGANIZER = "ORGANIZER;CN=bokit:mailto:calendar@bokit.invalid";

    /** The longest line, in octets, not counting its CRLF (RFC 5545 §3.1). */
    public static final int MAX_LINE_OCTETS = 75;

    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Comparator<ExportEvent> ORDER =
            Comparator.comparing(ExportEvent::checkIn).thenComparing(ExportEvent::uid);

    private ICalWriter() {}

    /**
     * The body of one calendar's export.
     *
     * @param calendarName the calendar's display name (X-WR-CALNAME), not blank
     * @param events the events in any order, not null
     * @return the body, never null
     */
    public static String write(String calendarName, List<ExportEvent> events) {
        Objects.requireNonNull(calendarName, "calendarName");
        List<ExportEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        StringBuilder out = new StringBuilder(256 + 160 * sorted.size());
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        if (sorted.isEmpty()) {
            // RFC 5545 wants at least one component: an unused UTC time zone, which no parser reads as a stay
            line(out, "BEGIN:VTIMEZONE");
            line(out, "TZID:UTC");
            line(out, "BEGIN:STANDARD");
            line(out, "DTSTART:19700101T000000");
            line(out, "TZOFFSETFROM:+0000");
            line(out, "TZOFFSETTO:+0000");
            line(out, "END:STANDARD");
            line(out, "END:VTIMEZONE");
        }
        for (ExportEvent event : sorted) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + escape(event.uid()));
            line(out, "DTSTAMP:" + date(event.checkIn()) + "T000000Z");
            line(out, "DTSTART;VALUE=DATE:" + date(event.checkIn()));
            line(out, "DTEND;VALUE=DATE:" + date(event.checkOut()));
            line(out, ORGANIZER);
            line(out, "SUMMARY:" + escape(event.summary()));
            line(out, "TRANSP:OPAQUE");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /**
     * A value escaped as RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped; other
     * control characters (TAB aside) and lone surrogates, which TEXT cannot hold, become a space.
     */
    static String escape(String text) {
        if (plain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t') || c == 0x7F) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends one content line, folded so that no line exceeds 75 octets and no UTF-8 sequence is split. */
    static void line(StringBuilder out, String content) {
        if (content.length() <= MAX_LINE_OCTETS && ascii(content)) {
            out.append(content).append(CRLF); // the usual line: one octet per char, nothing to fold
            return;
        }
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > MAX_LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }

    /** Whether a text needs no escaping: printable ASCII (and TAB) other than backslash, semicolon and comma. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7F || c == '\\' || c == ';' || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A DATE value, {@code yyyyMMdd}; years outside 0-9999 as {@link DateTimeFormatter#BASIC_ISO_DATE} writes them. */
    private static String date(LocalDate day) {
        int year = day.getYear();
        if (year < 0 || year > 9999) {
            return DATE.format(day);
        }
        int month = day.getMonthValue();
        int dayOfMonth = day.getDayOfMonth();
        char[] digits = {
            (char) ('0' + year / 1000), (char) ('0' + year / 100 % 10), (char) ('0' + year / 10 % 10),
            (char) ('0' + year % 10), (char) ('0' + month / 10), (char) ('0' + month % 10),
            (char) ('0' + dayOfMonth / 10), (char) ('0' + dayOfMonth % 10)
        };
        return new String(digits);
    }
}
