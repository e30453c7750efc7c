package io.bokit.example.micronaut;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.SyncReport;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** The host's page: every calendar with its imported bookings. Viewing it is what triggers the sync. */
@Controller
final class BookingsPage {
    private final Bokit bokit;

    BookingsPage(Bokit bokit) {
        this.bokit = bokit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING) // reads the database: keep it off the event loop
    String page() {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<title>bokit example</title></head><body><h1>Bookings</h1>");
        List<Booking> bookings = bokit.bookings().find(BookingQuery.all());
        for (Calendar calendar : bokit.feeds().calendars()) {
            html.append("<h2>")
                    .append(escape(calendar.name()))
                    .append("</h2><table border=\"1\">")
                    .append("<tr><th>check-in</th><th>check-out</th><th>status</th><th>guest</th></tr>");
            bookings.stream().filter(b -> b.calendar().equals(calendar.key())).forEach(b -> html.append("<tr><td>")
                    .append(b.current().checkIn())
                    .append("</td><td>")
                    .append(b.current().checkOut())
                    .append("</td><td>")
                    .append(b.current().status())
                    .append("</td><td>")
                    .append(escape(
                            b.current().guestName() == null ? "" : b.current().guestName()))
                    .append("</td></tr>"));
            html.append("</table>");
        }
        html.append("<p>")
                .append(escape(lastRun()))
                .append("</p>")
                .append("<p>The first view starts a sync after the response: reload in a moment. ")
                .append("See <a href=\"/bokit\">/bokit</a> and <a href=\"/health\">/health</a>.</p></body></html>");
        return html.toString();
    }

    private String lastRun() {
        return bokit.lastReport()
                .map(SyncReport::totalsJson)
                .map(totals -> "Last run: " + totals)
                .orElse("No run has finished in this process yet.");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
