package io.bokit.testkit;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The feeds of the secret-leak tests: every way a feed can end (imported, 404, 500, an HTML login page that echoes
 * the token, a closed port, an address the SSRF guard refuses), each URL carrying the planted token, so a test can
 * register them through its entry point and then look for the token in everything that entry point printed.
 */
public final class PlantedTokenFeeds {
    private PlantedTokenFeeds() {}

    /**
     * Serves the channel's side on {@code server} and returns the feeds to register.
     *
     * @param server the channel server; {@code /ok.ics}, {@code /gone.ics}, {@code /broken.ics} and
     *     {@code /login.ics} are set on it
     * @param query the query carrying the planted token, e.g. {@code ?s=TOKEN}, appended to every URL
     * @return feed id to URL, in a fixed order: {@code ok}, {@code gone}, {@code broken}, {@code login},
     *     {@code unreachable}, {@code metadata}
     */
    public static Map<String, String> serve(LocalFeedServer server, String query) {
        LocalDate soon = LocalDate.now().plusDays(3);
        server.serve(
                "/ok.ics",
                ICalFeedBuilder.airbnb()
                        .reserved("R1@airbnb.com", soon, soon.plusDays(2))
                        .build());
        server.fail("/gone.ics", 404);
        server.fail("/broken.ics", 500);
        server.serve("/login.ics", "<html><body>Please log in " + query + "</body></html>");
        Map<String, String> feeds = new LinkedHashMap<>();
        for (String id : new String[] {"ok", "gone", "broken", "login"}) {
            feeds.put(id, server.url("/" + id + ".ics").reveal() + query);
        }
        feeds.put("unreachable", "http://127.0.0.1:" + ConnectionTrap.closedPort() + "/cal.ics" + query);
        feeds.put("metadata", "http://169.254.169.254/latest/meta-data/" + query);
        return Collections.unmodifiableMap(feeds);
    }
}
