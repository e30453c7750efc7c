package io.bokit.testkit.contract;

import io.bokit.core.domain.FeedUrl;
import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The feed that the host suites ({@link HostAdapterContract}, {@link DashboardContract}) declare: an Airbnb-style
 * calendar with one reservation, served over real HTTP on 127.0.0.1 by a {@link LocalFeedServer}, its URL carrying the
 * suite's secret token, and the {@code bokit.*} properties that declare it as feed {@code airbnb} of calendar {@code
 * sea} ("Sea View", Europe/Lisbon). Close it to stop the server.
 */
final class SeaViewFeed implements AutoCloseable {
    private static final String PATH = "/calendar/ical/1.ics";

    private final LocalFeedServer server;
    private final FeedUrl url;
    private final LocalDate checkIn;
    private final LocalDate checkOut;

    /**
     * Starts the server and serves the feed.
     *
     * @param secret the token in the feed's URL, which the suite checks is never shown
     * @param checkIn the reservation's first night
     * @param checkOut the day the guest leaves
     */
    SeaViewFeed(String secret, LocalDate checkIn, LocalDate checkOut) {
        this.checkIn = checkIn;
        this.checkOut = checkOut;
        this.server = LocalFeedServer.start();
        serve("");
        this.url = server.url(PATH + "?s=" + secret);
    }

    /** Serves the reservation followed by these raw iCalendar lines ({@code ""} for none), from now on. */
    void serve(String raw) {
        server.serve(
                PATH,
                ICalFeedBuilder.airbnb()
                        .reserved("a1@airbnb.com", checkIn, checkOut)
                        .raw(raw)
                        .build());
    }

    /** The feed's URL, with its secret. */
    FeedUrl url() {
        return url;
    }

    /** The server, to serve other paths or failures on. */
    LocalFeedServer server() {
        return server;
    }

    /** A new map the suite may change: loopback allowed past the SSRF guard, and calendar {@code sea} with the feed. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bokit.http.allowed-private-addresses", "127.0.0.1/32");
        properties.put("bokit.calendars.sea.name", "Sea View");
        properties.put("bokit.calendars.sea.zone", "Europe/Lisbon");
        properties.put("bokit.calendars.sea.feeds.airbnb.url", url.reveal().toString());
        return properties;
    }

    @Override
    public void close() {
        server.close();
    }
}
