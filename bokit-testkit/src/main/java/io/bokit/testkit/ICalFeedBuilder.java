package io.bokit.testkit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small iCalendar feeds for tests, in the style of a channel's export (CRLF line ends,
 * all-day events). Not thread-safe; build once.
 *
 * <pre>{@code
 * String body = ICalFeedBuilder.airbnb()
 *         .reserved("HMABC@airbnb.com", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4))
 *         .blocked("X1@airbnb.com", LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 12))
 *         .build();
 * }</pre>
 */
public final class ICalFeedBuilder {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String prodId;
    private final List<String> events = new ArrayList<>();

    private ICalFeedBuilder(String prodId) {
        this.prodId = prodId;
    }

    /** A feed in Airbnb's 1.0 format. */
    public static ICalFeedBuilder airbnb() {
        return new ICalFeedBuilder("-//Airbnb Inc//Hosting Calendar 1.0//EN");
    }

    /** A feed with any product id. */
    public static ICalFeedBuilder withProdId(String prodId) {
        return new ICalFeedBuilder(prodId);
    }

    /** Adds an Airbnb reservation ({@code SUMMARY:Reserved}). */
    public ICalFeedBuilder reserved(String uid, LocalDate checkIn, LocalDate checkOut) {
        return event(uid, checkIn, checkOut, "Reserved");
    }

    /** Adds an Airbnb block ({@code SUMMARY:Airbnb (Not available)}). */
    public ICalFeedBuilder blocked(String uid, LocalDate checkIn, LocalDate checkOut) {
        return event(uid, checkIn, checkOut, "Airbnb (Not available)");
    }

    /** Adds an all-day event with any summary. */
    public ICalFeedBuilder event(String uid, LocalDate checkIn, LocalDate checkOut, String summary) {
        events.add("BEGIN:VEVENT\r\n"
                + "DTSTAMP:20261101T000000Z\r\n"
                + "DTSTART;VALUE=DATE:" + DATE.format(checkIn) + "\r\n"
                + "DTEND;VALUE=DATE:" + DATE.format(checkOut) + "\r\n"
                + "SUMMARY:" + summary + "\r\n"
                + "UID:" + uid + "\r\n"
                + "END:VEVENT\r\n");
        return this;
    }

    /** Adds raw lines (one or more whole components) as they are. */
    public ICalFeedBuilder raw(String lines) {
        events.add(lines);
        return this;
    }

    /** The feed's text. */
    public String build() {
        return "BEGIN:VCALENDAR\r\nPRODID:" + prodId + "\r\nCALSCALE:GREGORIAN\r\nVERSION:2.0\r\n"
                + String.join("", events) + "END:VCALENDAR\r\n";
    }
}
