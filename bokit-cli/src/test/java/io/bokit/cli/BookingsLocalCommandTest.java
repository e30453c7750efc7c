package io.bokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.ICalFeedBuilder;
import io.bokit.testkit.LocalFeedServer;
import io.bokit.testkit.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bookings add|change|cancel}: the host's own bookings, stored under the reserved source {@code @local}. */
class BookingsLocalCommandTest {
    private static final LocalDate D = LocalDate.of(2026, 12, 10);

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private Cli cli;
    private LocalFeedServer server;

    @BeforeEach
    void setUp() {
        cli = new Cli(home).clock(clock);
        server = LocalFeedServer.start();
        server.serve(
                "/a.ics",
                ICalFeedBuilder.airbnb()
                        .reserved("R1@airbnb.com", D, D.plusDays(3))
                        .build());
        assertThat(cli.run("calendars", "add", "seaview").code()).isZero();
        cli.addFeed("seaview", "sea-a", null, server.url("/a.ics"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void addsAStayUnderAReferenceOfItsOwnAndListsItWithTheImportedOnes() {
        // when
        Cli.Result added = cli.run(
                "bookings",
                "add",
                "seaview",
                "--check-in",
                D.plusDays(5).toString(),
                "--check-out",
                D.plusDays(8).toString(),
                "--guest",
                "Zoë Dupont");
        assertThat(cli.run("sync", "--allow-private").code()).isZero();

        // then
        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(added.out())
                .matches("Added local booking local-[0-9a-f]{16} in calendar seaview: " + D.plusDays(5) + " → "
                        + D.plusDays(8) + " \\(3 nights\\), confirmed, guest Zoë Dupont\\R");
        String reference = added.out().split(" ")[3];
        assertThat(cli.run("bookings", "list").out())
                .containsPattern("confirmed\\s+-\\s+seaview\\s+sea-a\\s+R1@airbnb.com")
                .containsPattern("3\\s+confirmed\\s+Zoë Dupont\\s+seaview\\s+@local\\s+" + reference)
                .contains("2 bookings");
        assertThat(cli.run("history", "--feed", "@local").out())
                .containsPattern("created\\s+seaview\\s+@local\\s+" + reference);
    }

    @Test
    void addsAnOwnerBlockWithTheHostsReferenceAsJson() {
        Cli.Result added = cli.run(
                "bookings",
                "add",
                "seaview",
                "--block",
                "--ref",
                "WEB-1042",
                "--check-in",
                D.toString(),
                "--check-out",
                D.plusDays(1).toString(),
                "--json");

        assertThat(added.code()).as(added.toString()).isZero();
        assertThat(JsonParser.object(added.out()))
                .containsEntry("calendar", "seaview")
                .containsEntry("feed", "@local")
                .containsEntry("uid", "WEB-1042")
                .containsEntry("status", "blocked")
                .containsEntry("guestName", null)
                .containsEntry("checkIn", D.toString())
                .containsEntry("checkOut", D.plusDays(1).toString())
                .containsEntry("deleted", false);
    }

    @Test
    void changesAndCancelsALocalBookingRecordingEachChange() {
        // given
        cli.run(
                "bookings",
                "add",
                "seaview",
                "--ref",
                "WEB-7",
                "--check-in",
                D.toString(),
                "--check-out",
                D.plusDays(2).toString(),
                "--guest",
                "Ann");

        // when
        Cli.Result changed = cli.run(
                "bookings", "change", "WEB-7", "--check-out", D.plusDays(4).toString(), "--no-guest");
        Cli.Result cancelled = cli.run("bookings", "cancel", "WEB-7", "--json");
        Cli.Result again = cli.run("bookings", "cancel", "WEB-7");

        // then
        assertThat(changed.code()).as(changed.toString()).isZero();
        assertThat(changed.out())
                .isEqualToIgnoringNewLines("Changed local booking WEB-7 in calendar seaview: " + D + " → "
                        + D.plusDays(4) + " (4 nights), confirmed");
        assertThat(JsonParser.object(cancelled.out()))
                .containsEntry("status", "cancelled")
                .containsEntry("checkOut", D.plusDays(4).toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).startsWith("Cancelled local booking WEB-7");
        List<Map<String, Object>> history = JsonParser.array(
                cli.run("history", "--feed", "@local", "--json").out());
        assertThat(history)
                .extracting(
                        c -> c.get("kind") + " " + c.get("field") + " " + c.get("oldValue") + " " + c.get("newValue"))
                .containsExactly(
                        "updated status confirmed cancelled",
                        "updated checkOut " + D.plusDays(2) + " " + D.plusDays(4),
                        "updated guestName Ann null",
                        "created null null null");
    }

    @Test
    void badInputIsAUsageErrorAndChangesNothing() {
        assertUsage(
                cli.run("bookings", "add", "seaview", "--check-in", D.toString()),
                "Missing required option: '--check-out=DATE'");
        assertUsage(
                cli.run(
                        "bookings",
                        "add",
                        "garden",
                        "--check-in",
                        D.toString(),
                        "--check-out",
                        D.plusDays(1).toString()),
                "bokit-cli: Unknown calendar garden");
        assertUsage(
                cli.run("bookings", "add", "seaview", "--check-in", D.toString(), "--check-out", D.toString()),
                "bokit-cli: Check-out " + D + " must be after check-in " + D);
        assertUsage(
                cli.run("bookings", "add", "seaview", "--check-in", "soon", "--check-out", D.toString()),
                "bokit-cli: Invalid date \"soon\" for --check-in");
        assertUsage(
                cli.run(
                        "bookings",
                        "add",
                        "seaview",
                        "--block",
                        "--guest",
                        "Ann",
                        "--check-in",
                        D.toString(),
                        "--check-out",
                        D.plusDays(1).toString()),
                "bokit-cli: An owner block has no guest name");
        assertUsage(cli.run("bookings", "cancel", "nope"), "bokit-cli: Unknown local booking nope");
        assertUsage(cli.run("bookings", "change", "nope", "--guest", "Bob"), "bokit-cli: Unknown local booking nope");
        assertUsage(cli.run("bookings", "change", "nope"), "bokit-cli: Nothing to change for local booking nope");
        assertUsage(cli.run("bookings", "cancel"), "Missing required parameter: 'ID'");
        assertUsage(
                cli.run(
                        "feeds",
                        "add",
                        "--calendar",
                        "seaview",
                        "--id",
                        "@local",
                        server.url("/a.ics").reveal().toString()),
                "bokit-cli: Invalid feed id \"@local\": it is reserved for the host's own bookings");
        assertThat(cli.run("bookings", "list", "--json").out()).doesNotContain("@local");
    }

    private static void assertUsage(Cli.Result result, String firstWords) {
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(firstWords);
        assertThat(result.out()).isEmpty();
    }
}
