package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookingsAndHistoryCommandTest {
    private static final LocalDate D = LocalDate.now().plusDays(20);

    @TempDir
    Path home;

    private Cli cli;
    private LocalFeedServer server;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
        server = LocalFeedServer.start();
        server.serve(
                "/a.ics",
                ICalFeedBuilder.airbnb()
                        .reserved("R1@airbnb.com", D, D.plusDays(3))
                        .blocked("B1@airbnb.com", D.plusDays(10), D.plusDays(12))
                        .build());
        server.serve(
                "/b.ics",
                ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                        .event("J1@booking.com", D.plusDays(4), D.plusDays(6), "CLOSED - Jane Doe")
                        .build());
        cli.run("calendars", "add", "seaview");
        cli.run("calendars", "add", "harbour");
        cli.addFeed("seaview", "sea-a", null, server.url("/a.ics"));
        cli.addFeed("harbour", "har-b", null, server.url("/b.ics"));
        assertThat(cli.run("sync", "--allow-private").code()).isZero();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void listsBookingsAsATableSortedByCheckIn() {
        Cli.Result result = cli.run("bookings", "list");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .containsPattern(
                        D + "\\s+" + D.plusDays(3) + "\\s+3\\s+confirmed\\s+-\\s+seaview\\s+sea-a\\s+R1@airbnb.com")
                .containsPattern("confirmed\\s+Jane Doe\\s+harbour\\s+har-b")
                .contains("3 bookings");
        assertThat(result.out().indexOf("R1@")).isLessThan(result.out().indexOf("J1@"));
    }

    @Test
    void filtersByCalendarDatesAndStatus() {
        assertThat(cli.run("bookings", "list", "--calendar", "harbour").out())
                .contains("J1@")
                .doesNotContain("R1@");
        assertThat(cli.run("bookings", "list", "--status", "unavailable").out())
                .contains("B1@")
                .doesNotContain("R1@", "J1@");
        assertThat(cli.run(
                                "bookings",
                                "list",
                                "--from",
                                D.plusDays(5).toString(),
                                "--to",
                                D.plusDays(11).toString())
                        .out())
                .contains("J1@", "B1@")
                .doesNotContain("R1@");
    }

    @Test
    void printsBookingsAsJson() {
        List<Map<String, Object>> bookings = JsonParser.array(
                cli.run("bookings", "list", "--json", "--calendar", "harbour").out());

        assertThat(bookings).singleElement().satisfies(booking -> assertThat(booking)
                .containsEntry("calendar", "harbour")
                .containsEntry("feed", "har-b")
                .containsEntry("uid", "J1@booking.com")
                .containsEntry("status", "confirmed")
                .containsEntry("guestName", "Jane Doe")
                .containsEntry("checkIn", D.plusDays(4).toString())
                .containsEntry("checkOut", D.plusDays(6).toString())
                .containsEntry("deleted", false)
                .containsKeys("recurrenceId", "start", "end", "metadata"));
    }

    @Test
    void badFiltersAreUsageErrors() {
        assertUsage(
                cli.run("bookings", "list", "--from", "tomorrow"), "bokit-cli: Invalid date \"tomorrow\" for --from");
        assertUsage(
                cli.run("bookings", "list", "--to", "2026-13-01"), "bokit-cli: Invalid date \"2026-13-01\" for --to");
        assertUsage(
                cli.run("bookings", "list", "--from", "2026-07-10", "--to", "2026-07-01"),
                "bokit-cli: The range ends (2026-07-01) before it starts (2026-07-10)");
        assertUsage(cli.run("bookings", "list", "--status", "maybe"), "bokit-cli: Unknown booking status \"maybe\"");
        assertUsage(cli.run("bookings", "list", "--calendar", "nope"), "bokit-cli: Unknown calendar nope");
        assertUsage(cli.run("history", "--feed", "nope"), "bokit-cli: Unknown feed nope");
        assertUsage(cli.run("history", "--limit", "0"), "bokit-cli: Invalid history limit 0");
    }

    @Test
    void historyShowsChangesNewestFirst() {
        server.serve(
                "/b.ics",
                ICalFeedBuilder.withProdId("-//admin.booking.com//EN")
                        .event("J1@booking.com", D.plusDays(4), D.plusDays(7), "CLOSED - Jane Doe")
                        .build());
        cli.run("sync", "--allow-private", "--force");

        Cli.Result all = cli.run("history");
        Cli.Result byFeed = cli.run("history", "--feed", "har-b", "--limit", "1", "--json");

        assertThat(all.code()).isZero();
        assertThat(all.out())
                .containsPattern("updated\\s+harbour\\s+har-b\\s+J1@booking.com\\s+checkOut: " + D.plusDays(6) + " → "
                        + D.plusDays(7))
                .containsPattern("created\\s+seaview\\s+sea-a\\s+R1@airbnb.com");
        assertThat(all.out().indexOf("updated")).isLessThan(all.out().indexOf("created"));
        assertThat(JsonParser.array(byFeed.out())).singleElement().satisfies(change -> assertThat(change)
                .containsEntry("kind", "updated")
                .containsEntry("feed", "har-b")
                .containsEntry("booking", "J1@booking.com")
                .containsEntry("field", "checkOut")
                .containsEntry("oldValue", D.plusDays(6).toString())
                .containsEntry("newValue", D.plusDays(7).toString())
                .containsKeys("at", "calendar"));
        assertThat(cli.run("history", "--calendar", "seaview").out()).doesNotContain("har-b");
    }

    private static void assertUsage(Cli.Result result, String firstWords) {
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith(firstWords).hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }
}
