package io.bokit.example.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Two demo channel feeds served by the app itself, so the example needs no network: an Airbnb-style
 * export at {@code /demo/seaview-airbnb.ics} and a Booking.com-style one at {@code /demo/garden-booking.ics},
 * with dates around today. Demo only: a real app fetches its channels' own URLs.
 */
@Controller("/demo")
final class DemoFeeds {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    @Get(value = "/{name}.ics", produces = "text/calendar")
    HttpResponse<String> feed(@PathVariable String name) {
        LocalDate today = LocalDate.now();
        return switch (name) {
            case "seaview-airbnb" -> HttpResponse.ok(calendar(
                    "-//Airbnb Inc//Hosting Calendar 0.8.8//EN",
                    event("sv-1@airbnb.com", today.plusDays(3), today.plusDays(7), "Reserved"),
                    event("sv-2@airbnb.com", today.plusDays(12), today.plusDays(15), "Reserved"),
                    event("sv-3@airbnb.com", today.plusDays(20), today.plusDays(22), "Airbnb (Not available)")));
            case "garden-booking" -> HttpResponse.ok(calendar(
                    "-//Booking.com//Booking.com Calendar//EN",
                    event("gd-1@booking.com", today.plusDays(1), today.plusDays(4), "CLOSED - Anna Schmidt"),
                    event("gd-2@booking.com", today.plusDays(9), today.plusDays(16), "CLOSED - Not available")));
            default -> HttpResponse.notFound();
        };
    }

    private static String calendar(String prodId, String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + prodId + "\r\nCALSCALE:GREGORIAN\r\n"
                + String.join("", events) + "END:VCALENDAR\r\n";
    }

    private static String event(String uid, LocalDate checkIn, LocalDate checkOut, String summary) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:"
                + checkIn.format(DATE) + "\r\nDTEND;VALUE=DATE:" + checkOut.format(DATE) + "\r\nSUMMARY:" + summary
                + "\r\nEND:VEVENT\r\n";
    }
}
