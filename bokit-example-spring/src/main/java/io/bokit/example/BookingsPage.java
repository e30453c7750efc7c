package io.bokit.example;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.Feed;
import io.bokit.core.port.in.SyncStatus;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The example's bokit page: the feeds, the sync status and every imported booking. It is absent with
 * {@code bokit.enabled=false} (there is no {@link Bokit} then).
 */
@RestController
@ConditionalOnProperty(prefix = "bokit", name = "enabled", havingValue = "true", matchIfMissing = true)
public class BookingsPage {
    private final Bokit bokit;

    /** The page over the auto-configured bokit. */
    public BookingsPage(Bokit bokit) {
        this.bokit = bokit;
    }

    /** Renders the page; viewing it is what triggers the sync, after the response. */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String page() {
        SyncStatus status = bokit.status().status();
        List<Booking> bookings = bokit.bookings().find(BookingQuery.all());
        StringBuilder html = new StringBuilder(
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>bokit example</title></head><body>");
        html.append("<h1>bokit example</h1>");
        html.append("<p>Last sync claimed at ")
                .append(status.lastClaim() == null ? "never (this page view starts the first one)" : status.lastClaim())
                .append(", every ")
                .append(status.interval().toSeconds())
                .append(" s. Reload to see what the sync brought in.</p>");
        html.append("<h2>Feeds</h2><ul>");
        for (Feed feed : bokit.feeds().feeds()) {
            html.append("<li>")
                    .append(escape(feed.name()))
                    .append(" → ")
                    .append(escape(feed.calendar().value()))
                    .append(" (")
                    .append(escape(feed.url().masked()))
                    .append(")</li>");
        }
        html.append("</ul><h2>Bookings (").append(bookings.size()).append(")</h2>");
        html.append("<table border=\"1\" cellpadding=\"4\"><tr><th>calendar</th><th>feed</th><th>check-in</th>"
                + "<th>check-out</th><th>status</th><th>guest</th></tr>");
        for (Booking booking : bookings) {
            html.append("<tr><td>")
                    .append(escape(booking.calendar().value()))
                    .append("</td><td>")
                    .append(escape(booking.feed().value()))
                    .append("</td><td>")
                    .append(booking.current().checkIn())
                    .append("</td><td>")
                    .append(booking.current().checkOut())
                    .append("</td><td>")
                    .append(escape(booking.status().name().toLowerCase(java.util.Locale.ROOT)))
                    .append("</td><td>")
                    .append(escape(
                            booking.current().guestName() == null
                                    ? ""
                                    : booking.current().guestName()))
                    .append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
