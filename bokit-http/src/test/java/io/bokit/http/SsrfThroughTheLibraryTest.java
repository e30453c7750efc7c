package io.bokit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FeedOutcome;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.out.ICalFeedPort;
import io.bokit.testkit.ConnectionTrap;
import io.bokit.testkit.InMemoryBookingStore;
import io.bokit.testkit.InMemoryFeedCatalog;
import io.bokit.testkit.InMemoryOptions;
import io.bokit.testkit.InMemorySyncState;
import io.bokit.testkit.LocalFeedServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard through the library's own entry point, {@code Bokit.sync()} over an
 * {@link HttpFeedFetcher}: feeds on internal addresses fail in the report, no exception escapes, and a
 * trap listening on loopback sees no connection at all.
 */
class SsrfThroughTheLibraryTest {
    private static final String TOKEN = "?token=PLANTED-lib-7f3a";
    private static final CalendarKey CALENDAR = CalendarKey.of("seaview");

    @Test
    void theDefaultGuardRefusesEveryInternalFeedBeforeConnecting() {
        try (ConnectionTrap trap = ConnectionTrap.open();
                LocalFeedServer outside = LocalFeedServer.start("127.0.0.2")) {
            outside.redirect("/moved.ics", trap.url("/admin" + TOKEN));
            Map<String, String> feeds = internalFeeds(trap);
            feeds.put("file", "file:///etc/hostname");
            feeds.put("redirect", outside.url("/moved.ics").reveal() + TOKEN);
            Bokit bokit = bokit(new HttpFeedFetcher(), feeds);

            SyncReport report = forcedSync(bokit);

            assertThat(report.feeds()).hasSize(feeds.size()).allSatisfy(SsrfThroughTheLibraryTest::refused);
            assertThat(trap.connections()).isZero();
            assertThat(outside.requestCount("/moved.ics")).isZero();
            System.out.printf(
                    "[reliability] SSRF through Bokit.sync() (default guard): %d internal and file: feeds refused, %d connections"
                            + " to the loopback trap%n",
                    report.feeds().size(), trap.connections());
        }
    }

    @Test
    void aRedirectFromAnAllowedAddressToAnInternalOneIsRefusedAtTheSecondHop() {
        try (ConnectionTrap trap = ConnectionTrap.open();
                LocalFeedServer allowed = LocalFeedServer.start("127.0.0.2")) {
            allowed.redirect("/moved.ics", trap.url("/admin" + TOKEN));
            allowed.redirect("/metadata.ics", "http://169.254.169.254/latest/meta-data/" + TOKEN);
            allowed.redirect("/named.ics", trap.localhostUrl("/admin" + TOKEN));
            Map<String, String> feeds = new LinkedHashMap<>();
            feeds.put("moved", allowed.url("/moved.ics").reveal() + TOKEN);
            feeds.put("metadata", allowed.url("/metadata.ics").reveal() + TOKEN);
            feeds.put("named", allowed.url("/named.ics").reveal() + TOKEN);
            Bokit bokit = bokit(
                    new HttpFeedFetcher(
                            HttpFetchSettings.builder().allow("127.0.0.2/32").build()),
                    feeds);

            SyncReport report = forcedSync(bokit);

            assertThat(report.feeds()).hasSize(3).allSatisfy(SsrfThroughTheLibraryTest::refused);
            assertThat(report.feed(FeedId.of("moved")).orElseThrow().error())
                    .contains("127.0.0.1 resolves to a loopback address");
            assertThat(report.feed(FeedId.of("metadata")).orElseThrow().error())
                    .contains("169.254.169.254 resolves to a link-local address");
            assertThat(report.feed(FeedId.of("named")).orElseThrow().error())
                    .contains("localhost resolves to a loopback address");
            assertThat(allowed.requestCount("/moved.ics")).isEqualTo(1);
            assertThat(trap.connections()).isZero();
        }
    }

    /** Feeds on loopback, private, link-local and metadata addresses, each carrying a token. */
    static Map<String, String> internalFeeds(ConnectionTrap trap) {
        Map<String, String> feeds = new LinkedHashMap<>();
        feeds.put("loopback", trap.url("/cal.ics" + TOKEN));
        feeds.put("ipv6-loopback", trap.ipv6Url("/cal.ics" + TOKEN));
        feeds.put("localhost", trap.localhostUrl("/cal.ics" + TOKEN));
        feeds.put("private", "http://10.0.0.5:8080/admin" + TOKEN);
        feeds.put("metadata", "http://169.254.169.254/latest/meta-data/" + TOKEN);
        return feeds;
    }

    static void refused(FeedResult result) {
        assertThat(result.outcome()).as(result.feed().value()).isEqualTo(FeedOutcome.FAILED);
        assertThat(result.error())
                .as(result.feed().value())
                .startsWith("refused: ")
                .doesNotContain("PLANTED");
    }

    private static SyncReport forcedSync(Bokit bokit) {
        SyncResult result = bokit.sync().sync(SyncCommand.forceAll());
        assertThat(result).isInstanceOf(SyncResult.Completed.class);
        return ((SyncResult.Completed) result).report();
    }

    private static Bokit bokit(ICalFeedPort fetcher, Map<String, String> feeds) {
        Bokit bokit = Bokit.builder()
                .options(new InMemoryOptions())
                .syncState(new InMemorySyncState())
                .catalog(new InMemoryFeedCatalog())
                .bookings(new InMemoryBookingStore())
                .fetcher(fetcher)
                .runExecutor(Runnable::run)
                .build();
        bokit.feeds().addCalendar(new AddCalendarCommand(CALENDAR, "Sea View", null));
        feeds.forEach((id, url) ->
                bokit.feeds().addFeed(new AddFeedCommand(CALENDAR, FeedId.of(id), FeedUrl.parse(url), id)));
        return bokit;
    }
}
